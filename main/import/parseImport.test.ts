import { describe, expect, it } from 'vitest';
import type { ImportedSegment } from '../../shared/import/importedDocument.js';
import { decodeText } from './decodeText.js';
import { parseImportFile, parseImportText } from './parseImport.js';

/** Tokens made readable: `[0` opens code 0, `0]` closes it, `{0}` stands for it. */
const show = (t: string) =>
  t.replace(/[\uE000-\uE2FF]/g, (ch) => {
    const c = ch.charCodeAt(0);
    return c < 0xe100 ? `[${c - 0xe000}` : c < 0xe200 ? `${c - 0xe100}]` : `{${c - 0xe200}}`;
  });
const shown = (segments: ImportedSegment[]) =>
  segments.map(({ codes: _codes, ...s }) => ({ ...s, text: show(s.text), target: s.target && { ...s.target, text: show(s.target.text) } }));

const file = (fileName: string, bytes: Uint8Array | string) =>
  parseImportFile({ fileName, bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes });

const ARTICLE = 'Müller sagt: „Straße“ — café.\r\n\r\nZweiter Absatz.\rMit Zeile.';

describe('encoding detection', () => {
  const expectedTexts = ['Müller sagt: „Straße“ — café.', 'Zweiter Absatz.\nMit Zeile.'];
  const utf16 = (s: string, le: boolean) => {
    const out = new Uint8Array(s.length * 2);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      out[2 * i + (le ? 0 : 1)] = c & 0xff;
      out[2 * i + (le ? 1 : 0)] = c >> 8;
    }
    return out;
  };
  const cat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
  const cases: [string, Uint8Array, string][] = [
    ['UTF-8', new TextEncoder().encode(ARTICLE), 'utf-8'],
    ['UTF-8 with BOM', cat(Uint8Array.from([0xef, 0xbb, 0xbf]), new TextEncoder().encode(ARTICLE)), 'utf-8-bom'],
    ['UTF-16 LE with BOM', cat(Uint8Array.from([0xff, 0xfe]), utf16(ARTICLE, true)), 'utf-16le'],
    ['UTF-16 BE with BOM', cat(Uint8Array.from([0xfe, 0xff]), utf16(ARTICLE, false)), 'utf-16be'],
    ['UTF-16 LE without BOM', utf16(ARTICLE, true), 'utf-16le'],
    ['UTF-16 BE without BOM', utf16(ARTICLE, false), 'utf-16be'],
  ];
  it.each(cases)('reads %s, with any line endings, into the same paragraphs', async (_name, bytes, encoding) => {
    const parsed = await file('a.txt', bytes);
    expect(parsed.encoding).toBe(encoding);
    expect(parsed.segments.map((s) => s.text)).toEqual(expectedTexts);
  });

  it('reads Windows-1252 / Latin-1 text (no UTF-8 in it), including its typographic quotes', () => {
    // "Caf\xe9 na\xefve \x93quoted\x94 \x80 5" in Windows-1252.
    const bytes = Uint8Array.from(
      [...'Caf']
        .map((c) => c.charCodeAt(0))
        .concat([0xe9, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65, 0x20, 0x93, 0x71, 0x94, 0x20, 0x80, 0x20, 0x35]),
    );
    expect(decodeText(bytes)).toEqual({ text: 'Café naïve “q” € 5', encoding: 'windows-1252' });
  });

  it('composes to NFC (decomposed accents become one character)', async () => {
    const parsed = await file('a.md', 'Cafe\u0301 und Mu\u0308ller');
    expect(parsed.segments[0]!.text).toBe('Café und Müller');
    expect(parsed.segments[0]!.text.length).toBe(15);
  });

  it('reports the byte offset of broken UTF-8 and of unpaired UTF-16 surrogates', () => {
    expect(() => decodeText(Uint8Array.from([0x61, 0xc3, 0xa9, 0x62, 0xe2, 0x28]))).toThrow(/offset 4/);
    expect(() => decodeText(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00]))).toThrow(/offset 4/);
  });
});

describe('inline markup as tokens', () => {
  it('Markdown: emphasis, links and code spans become tokens with their codes; fenced code stays verbatim', async () => {
    const parsed = await file('a.md', '# A **big** day\n\nSee [the site](https://x.example/) and `npm i`.\n\n```\n**not** parsed\n```');
    expect(shown(parsed.segments).map((s) => s.text)).toEqual(['A [0big0] day', 'See [0the site0] and {1}.', '```\n**not** parsed\n```']);
    expect(parsed.segments.map((s) => s.codes)).toEqual([
      [{ type: 'bold' }],
      [
        { type: 'link', href: 'https://x.example/' },
        { type: 'code', text: 'npm i' },
      ],
      undefined,
    ]);
  });

  it('HTML: http(s)/mailto links kept as link codes, other hrefs dropped (text kept), <code> and <br> as tokens', async () => {
    const parsed = await file(
      'a.html',
      '<p><a href="https://x.example/a">one</a> <a href="/rel">two</a> <a href="mailto:d@x.example">three</a> <code>a &lt; b</code><br>end</p>',
    );
    expect(shown(parsed.segments).map((s) => s.text)).toEqual(['[0one0] two [1three1] {2}{3}end']);
    expect(parsed.segments[0]!.codes).toEqual([
      { type: 'link', href: 'https://x.example/a' },
      { type: 'link', href: 'mailto:d@x.example' },
      { type: 'code', text: 'a < b' },
      { type: 'break' },
    ]);
  });

  it('placeholder characters in a file are never taken for tokens', async () => {
    const parsed = await file('a.txt', 'Sneaky \uE000token\uE100 here.');
    expect(parsed.segments[0]).toEqual({ kind: 'paragraph', marker: null, text: 'Sneaky token here.', target: null });
    const html = await file('a.html', '<p>Sneaky \uE200 <b>x\uE001</b></p>');
    expect(show(html.segments[0]!.text)).toBe('Sneaky [0x0]');
  });
});

describe('pasted text', () => {
  it('segments plain text and Markdown, and refuses lone surrogates', async () => {
    expect((await parseImportText('# H\n\n- a\n- b', 'md')).segments.map((s) => s.kind)).toEqual(['heading', 'list-item', 'list-item']);
    await expect(parseImportText('x\udc00y', 'txt')).rejects.toMatchObject({ code: 'IMPORT_ENCODING_INVALID' });
    await expect(parseImportText(' \n ', 'txt')).rejects.toMatchObject({ code: 'IMPORT_EMPTY' });
  });
});

describe('XLIFF', () => {
  const xliff12 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en-US" target-language="de-DE" datatype="plaintext" original="story.txt" tool-id="mtx">
    <header><tool tool-id="mtx" tool-name="DeepL" tool-version="3"/></header>
    <body>
      <trans-unit id="1"><source>The mayor <g id="1">resigned</g> on Monday.</source>
        <target state="translated">Der Bürgermeister <g id="1">trat</g> am Montag zurück.</target></trans-unit>
      <group id="g"><trans-unit id="2"><source>Prices rose by 3%<x id="2"/>.</source>
        <target state="needs-review-translation">Die Preise stiegen um 3 %.</target>
        <alt-trans origin="other"><target>IGNORED</target></alt-trans></trans-unit></group>
      <trans-unit id="3"><source>No translation yet &amp; more.</source></trans-unit>
      <trans-unit id="4"><source>MT flagged final.</source><target state="final" state-qualifier="mt-suggestion">MT final.</target></trans-unit>
      <trans-unit id="5"><source>Code <ph id="1">&lt;br/&gt;</ph>here.</source><target state="signed-off">Code hier.</target></trans-unit>
    </body>
  </file>
</xliff>`;

  it('reads 1.2 units, their targets by state and the tool that made them', async () => {
    const parsed = await file('story.xlf', xliff12);
    // The file was written by DeepL (its <tool>): its targets are that engine's MT (issue 12).
    const DEEPL = { kind: 'mt', engineId: null, engineName: 'DeepL 3', engineVersion: null, at: null, mtText: null };
    expect(parsed.sourceLang).toBe('en-US');
    expect(parsed.targetLang).toBe('de-DE');
    expect(shown(parsed.segments)).toEqual([
      {
        kind: 'paragraph',
        marker: null,
        text: 'The mayor [0resigned0] on Monday.',
        target: { text: 'Der Bürgermeister [0trat0] am Montag zurück.', state: 'confirmed', tool: 'DeepL 3', origin: DEEPL },
      },
      {
        kind: 'paragraph',
        marker: null,
        text: 'Prices rose by 3%{0}.',
        target: { text: 'Die Preise stiegen um 3 %.', state: 'mt', tool: 'DeepL 3', origin: DEEPL },
      },
      { kind: 'paragraph', marker: null, text: 'No translation yet & more.', target: null },
      {
        kind: 'paragraph',
        marker: null,
        text: 'MT flagged final.',
        target: { text: 'MT final.', state: 'mt', tool: 'DeepL 3', origin: DEEPL },
      },
      {
        kind: 'paragraph',
        marker: null,
        text: 'Code {0}here.',
        target: { text: 'Code hier.', state: 'confirmed', tool: 'DeepL 3', origin: DEEPL },
      },
    ]);
    expect(parsed.segments.map((s) => s.codes)).toEqual([
      [{ type: 'xliff', element: 'g', attrs: { id: '1' }, content: '' }],
      [{ type: 'xliff', element: 'x', attrs: { id: '2' }, content: '' }],
      undefined,
      undefined,
      [{ type: 'xliff', element: 'ph', attrs: { id: '1' }, content: '<br/>' }],
    ]);
  });

  it('reads 2.0 units, joining their segments, with states per segment', async () => {
    const xml = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">
      <file id="f1">
        <unit id="u1"><segment state="final"><source>First sentence.</source><target>Première phrase.</target></segment>
          <ignorable><source> </source><target> </target></ignorable>
          <segment state="translated"><source>Second <pc id="1">one</pc>.</source><target>Deuxième <pc id="1">phrase</pc>.</target></segment></unit>
        <unit id="u2"><segment state="initial"><source>Machine <ph id="1"/>made.</source><target>Fait par machine.</target></segment>
          <notes><note>Not text</note></notes></unit>
        <unit id="u3"><segment><source>Sign <cp hex="2122"/> and <cp hex="0000"/>.</source></segment></unit>
      </file></xliff>`;
    const parsed = await file('story.xliff', xml);
    expect(parsed.sourceLang).toBe('en');
    expect(parsed.targetLang).toBe('fr');
    expect(shown(parsed.segments).map((s) => [s.text, s.target?.text ?? null, s.target?.state ?? null])).toEqual([
      ['First sentence. Second [0one0].', 'Première phrase. Deuxième [0phrase0].', 'confirmed'],
      // A draft the file says nothing about is not "MT from an engine called XLIFF": its origin is unknown (issue 12).
      ['Machine {0}made.', 'Fait par machine.', 'edited'],
      ['Sign ™ and .', null, null],
    ]);
  });
});

describe('HTML', () => {
  const page = `<!doctype html><html><head><title>Site | Story</title><script>alert(1)</script><style>p{color:red}</style></head>
  <body onload="steal()"><header><nav><a href="/">Home</a></nav><p>Site banner</p></header>
  <aside>Most read</aside>
  <article>
    <header><h1>City council <em>approves</em> budget</h1></header>
    <p>The council voted <strong>7 to 2</strong> on <a href="javascript:alert(document.cookie)" onclick="evil()">Monday</a>.<script>document.write('x')</script></p>
    <p>Line one<br>line two</p>
    <img src="x" onerror="alert(2)" alt="Photo">
    <figure><img src="a.jpg"><figcaption>The town hall.</figcaption></figure>
    <h2>What changes</h2>
    <ul><li>More buses</li><li>Fewer <b>cars</b><ul><li>Nested item</li></ul></li></ul>
    <ol start="3"><li>Third</li><li>Fourth</li></ol>
    <blockquote><p>“We did it,” she said.</p></blockquote>
    <form><input value="x"><button>Subscribe</button></form>
    <div hidden>Hidden text</div>
    <iframe src="https://ads.example"></iframe>
  </article>
  <footer>© 2026</footer></body></html>`;

  it('takes the article body: headings, paragraphs, captions, list items and quotes, without any markup', async () => {
    const parsed = await file('story.html', page);
    // The title is the headline, not the <title> with its site name.
    expect(parsed.title).toBe('City council approves budget');
    expect(shown(parsed.segments).map(({ kind, marker, text }) => [kind, marker, text])).toEqual([
      ['heading', '1', 'City council [0approves0] budget'],
      ['paragraph', null, 'The council voted [07 to 20] on Monday.'],
      ['paragraph', null, 'Line one{0}line two'],
      ['paragraph', null, 'The town hall.'],
      ['heading', '2', 'What changes'],
      ['list-item', null, 'More buses'],
      ['list-item', null, 'Fewer [0cars0]'],
      ['list-item', null, 'Nested item'],
      ['list-item', '3.', 'Third'],
      ['list-item', '4.', 'Fourth'],
      ['quote', null, '“We did it,” she said.'],
    ]);
    const all = JSON.stringify(parsed.segments);
    for (const bad of [
      'alert',
      'javascript:',
      'onclick',
      'onerror',
      'steal',
      'evil',
      'Subscribe',
      'Hidden',
      'Home',
      'Most read',
      '©',
      'color:red',
    ]) {
      expect(all).not.toContain(bad);
    }
  });

  it('falls back to <body> (dropping the site header) when there is no <article>', async () => {
    const parsed = await file('page.htm', '<body><header>Brand</header><h1>Title</h1><div>Loose <i>text</i> here<p>Para</p></div></body>');
    expect(shown(parsed.segments).map((s) => s.text)).toEqual(['Title', 'Loose [0text0] here', 'Para']);
    expect(parsed.segments[1]!.codes).toEqual([{ type: 'italic' }]);
  });
});
