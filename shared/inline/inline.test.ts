import { describe, expect, it } from 'vitest';
import {
  InlineBuilder,
  MAX_CODES,
  checkTokens,
  closeToken as c,
  compactCodes,
  expectedTokens,
  openToken as o,
  repairTokens,
  soloToken as s,
  stripTokens,
  visibleTokens,
  type InlineCode,
} from './inlineCodes.js';
import { parseMarkdownInline } from './markdownInline.js';
import { renderHtml, renderMarkdown, renderPlainText, renderXliff } from './renderInline.js';
import { renderXliffInline } from './xliffWrite.js';

describe('tokens', () => {
  const codes: InlineCode[] = [{ type: 'bold' }, { type: 'link', href: 'https://a.example/' }, { type: 'break' }];
  const good = `A ${o(0)}bold${c(0)} ${o(1)}link${c(1)}${s(2)}end`;

  it('expects an open and a close per paired code and one token per standalone code', () => {
    expect(expectedTokens(codes)).toEqual([o(0), c(0), o(1), c(1), s(2)]);
    expect(checkTokens(good, codes).ok).toBe(true);
    expect(stripTokens(good)).toBe('A bold linkend');
  });

  it('shows tokens as readable numbered marks for views without codes', () => {
    expect(visibleTokens(good)).toBe('A ⟨1⟩bold⟨/1⟩ ⟨2⟩link⟨/2⟩⟦3⟧end');
  });

  it('finds missing, repeated, unknown and misordered tokens', () => {
    const bad = `A ${c(0)}bold${o(0)} ${o(1)}link${s(2)}${s(2)}${s(9)}`;
    expect(checkTokens(bad, codes)).toEqual({ missing: [c(1)], duplicated: [s(2)], unknown: [s(9)], misordered: [0], ok: false });
  });

  it('repairs a translation so that every token is there exactly once, missing ones at the end', () => {
    const { text, repaired } = repairTokens(`Un ${o(1)}enlace${s(2)}${s(2)}${s(7)} y más.  `, codes);
    expect(repaired).toBe(true);
    expect(text).toBe(`Un ${o(1)}enlace${s(2)} y más. ${o(0)}${c(0)}${c(1)}`);
    expect(checkTokens(text, codes).ok).toBe(true);
    expect(repairTokens(good, codes)).toEqual({ text: good, repaired: false });
  });

  it('builder keeps at most 256 codes: further pairs keep their text plain, standalone code keeps its text', () => {
    const b = new InlineBuilder();
    for (let i = 0; i < MAX_CODES; i++) b.close(b.open({ type: 'bold' }));
    b.close(b.open({ type: 'italic' }));
    b.text('x');
    b.solo({ type: 'code', text: 'f()' });
    const built = b.build();
    expect(built.codes).toHaveLength(MAX_CODES);
    expect(built.text.endsWith('xf()')).toBe(true);
  });

  it('builder drops placeholder characters that come in as text; compactCodes renumbers what is left', () => {
    const b = new InlineBuilder();
    b.text(`evil${o(3)}`);
    const i = b.open({ type: 'italic' });
    b.close(i);
    b.solo({ type: 'break' });
    expect(b.build().text).toBe(`evil${o(0)}${c(0)}${s(1)}`);
    expect(compactCodes(`x${s(1)}`, b.build().codes)).toEqual({ text: `x${s(0)}`, codes: [{ type: 'break' }] });
  });
});

describe('Markdown inline', () => {
  it.each([
    ['plain text', 'Just text.', 'Just text.', []],
    [
      'strong and emphasis',
      'A **bold** and *it* and __b2__ and _i2_.',
      `A ${o(0)}bold${c(0)} and ${o(1)}it${c(1)} and ${o(2)}b2${c(2)} and ${o(3)}i2${c(3)}.`,
      [{ type: 'bold' }, { type: 'italic' }, { type: 'bold' }, { type: 'italic' }],
    ],
    [
      'a link with emphasis inside and a title',
      'See [the **site**](https://x.example/a_(b) "T").',
      `See ${o(0)}the ${o(1)}site${c(1)}${c(0)}.`,
      [{ type: 'link', href: 'https://x.example/a_(b)' }, { type: 'bold' }],
    ],
    ['code span (never parsed inside)', 'Call `f(*x*)` now', `Call ${s(0)} now`, [{ type: 'code', text: 'f(*x*)' }]],
    ['backslash line break', 'One\\\ntwo', `One${s(0)}two`, [{ type: 'break' }]],
    // CommonMark reads *** as emphasis around strong (the old hand-written reader had it the other way).
    ['bold italic', '***both***', `${o(0)}${o(1)}both${c(1)}${c(0)}`, [{ type: 'italic' }, { type: 'bold' }]],
    ['intraword underscores stay', 'snake_case_name and file_name_', 'snake_case_name and file_name_', []],
    ['unclosed markers and spaced stars stay', 'a * b ** c [d] (e) `f', 'a * b ** c [d] (e) `f', []],
    ['images and raw HTML stay', '![alt](p.png) <b>x</b>', '![alt](p.png) <b>x</b>', []],
    // CommonMark: escapes and character references are the characters they stand for (Markdown export escapes them again).
    ['escapes and character references are read', '\\*no\\* AT&amp;T &#169; &#0;', '*no* AT&T © \uFFFD', []],
    [
      'autolinks and reference links',
      '<https://a.example/> and [b][r].\n\n[r]: https://r.example/',
      `${o(0)}https://a.example/${c(0)} and ${o(1)}b${c(1)}.`,
      [
        { type: 'link', href: 'https://a.example/' },
        { type: 'link', href: 'https://r.example/' },
      ],
    ],
  ] as [string, string, string, InlineCode[]][])('%s', (_name, input, text, codes) => {
    expect(parseMarkdownInline(input)).toEqual({ text, codes });
  });

  it('renders back to the same Markdown', () => {
    for (const md of [
      'A **bold** and *it* with [a link](https://x.example/?q=1) and `co*de`.',
      'See [the *site*](mailto:desk@news.example) now.',
      'Line\\\nbreak and ``a`b``',
      '![alt](p.png) <b>raw</b>',
    ]) {
      const { text, codes } = parseMarkdownInline(md);
      expect(renderMarkdown(text, codes)).toBe(md.replace('__', '**'));
    }
  });

  it('moves spaces out of emphasis and drops empty pairs and unsafe links when rendering', () => {
    const codes: InlineCode[] = [{ type: 'bold' }, { type: 'italic' }, { type: 'link', href: 'javascript:alert(1)' }];
    expect(renderMarkdown(`a${o(0)} b ${c(0)}c${o(1)}${c(1)} ${o(2)}x${c(2)}`, codes)).toBe('a **b** c x');
  });
});

describe('renderers', () => {
  const codes: InlineCode[] = [
    { type: 'bold' },
    { type: 'link', href: 'https://news.example/a?b=1&c="2"' },
    { type: 'link', href: 'javascript:alert(document.cookie)' },
    { type: 'code', text: '<script>' },
    { type: 'break' },
    { type: 'italic' },
  ];
  const text = `Tom & ${o(0)}Jerry${c(0)} <b> ${o(1)}site${c(1)} ${o(2)}evil${c(2)} ${s(3)}${s(4)}${o(5)}end${c(5)}`;

  it('HTML: text escaped, only http/https/mailto links, javascript: dropped (its text kept)', () => {
    expect(renderHtml(text, codes)).toBe(
      'Tom &amp; <strong>Jerry</strong> &lt;b&gt; <a href="https://news.example/a?b=1&amp;c=&quot;2&quot;">site</a> evil <code>&lt;script&gt;</code><br><em>end</em>',
    );
  });

  it('plain text: markup dropped, code as text, breaks as newlines', () => {
    expect(renderPlainText(text, codes)).toBe('Tom & Jerry <b> site evil <script>\nend');
  });

  it('closes pairs left open and nests overlapping ones', () => {
    expect(renderHtml(`${o(0)}a${o(5)}b${c(0)}c`, codes)).toBe('<strong>a<em>b</em></strong>c');
  });

  it('XLIFF 1.2 and 2.0', () => {
    const x: InlineCode[] = [
      { type: 'xliff', element: 'g', attrs: { id: '7', ctype: 'bold' }, content: '' },
      { type: 'xliff', element: 'ph', attrs: { id: '8' }, content: '<br/>' },
      { type: 'bold' },
      { type: 'break' },
    ];
    const t = `a ${o(0)}b${c(0)} ${s(1)} ${o(2)}c${c(2)}${s(3)} & <`;
    // Written from their meaning, ids renumbered (the file's own ids 7 and 8 are not copied).
    expect(renderXliff(t, x, '1.2')).toBe(
      'a <g id="1" ctype="bold">b</g> <ph id="2">&lt;br/&gt;</ph> <g id="3" ctype="bold">c</g><x id="4" ctype="lb"/> &amp; &lt;',
    );
    expect(renderXliffInline(t, x, '2.0')).toEqual({
      content:
        'a <pc id="1" type="fmt" subType="xlf:b">b</pc> <ph id="2" dataRef="d2"/> <pc id="3" type="fmt" subType="xlf:b">c</pc><ph id="4" type="fmt" subType="xlf:lb"/> &amp; &lt;',
      data: [{ id: 'd2', value: '<br/>' }],
    });
  });
});
