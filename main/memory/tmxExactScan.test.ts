/** The fast scanner of "pre-fill from a TMX" against the real reader (tmxReader.ts). */
import { describe, expect, it } from 'vitest';
import { exactText } from '../../shared/memory/matchScore.js';
import { ExactFills, type FillableParagraph } from './tmxExactFills.js';
import { segKey, TmxExactScanner, TmxScanFallback } from './tmxExactScan.js';
import { parseTmx, TmxReader } from './tmxReader.js';

const NOW = '2026-12-04T00:00:00.000Z';
const PAIR = { sourceLang: 'en', targetLang: 'es' };
const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="T" srclang="en" segtype="paragraph" o-tmf="t" adminlang="en" datatype="plaintext"/>\n<body>\n';
const tu = (en: string, es: string, enLang = 'en', esLang = 'es') =>
  `<tu><tuv xml:lang="${enLang}"><seg>${en}</seg></tuv><tuv xml:lang="${esLang}"><seg>${es}</seg></tuv></tu>\n`;
const tmx = (body: string) => `${HEAD}${body}</body>\n</tmx>\n`;

/** Segment contents that the scanner must read as the real reader does (or leave to it). */
const TRICKY = [
  'Plain text, nothing special.',
  '  Spaces\n\tand   tabs  ',
  'Fish &amp; chips &lt;3 &gt; &quot;quoted&quot; &apos;it&apos;',
  'Caf&#233; and caf&#xE9; and cafe&#769;',
  'Cafe\u0301 composed by NFC',
  'Bold <bpt i="1" type="bold">&lt;b&gt;</bpt>word<ept i="1">&lt;/b&gt;</ept> here.',
  'A break<ph type="lb"/>then more.',
  'A <ph x="1">{1}</ph> placeholder and <it pos="begin">&lt;i&gt;</it>isolated.',
  'Click <ph>&lt;a&gt;<sub>Start</sub>&lt;/a&gt;</ph> to start.',
  'Highlighted <hi type="x">words</hi> stay.',
  'Unknown <foo>tag</foo> text kept.',
  'CDATA <![CDATA[<b>raw</b> & more]]> here.',
  'A comment <!-- </seg> --> inside.',
  'e<ph/>\u0301 after a code',
  'Attribute with gt <bpt i="1" x="a>b">&lt;b&gt;</bpt>x<ept i="1">&lt;/b&gt;</ept>.',
  'Private \uE000use\uE201 characters',
  '日本語のテキスト。',
];

describe('segKey', () => {
  it('gives the exact text of the real reader’s segment, or null (not sure) — never another text', () => {
    let sure = 0;
    for (const content of TRICKY) {
      const [unit] = parseTmx(tmx(tu(content, 'x')), PAIR, NOW).units;
      const key = segKey(content);
      if (key !== null) {
        sure++;
        expect(key, content).toBe(exactText(unit!.source));
      }
    }
    // Most are read by the scanner itself (the rest go to the real reader).
    expect(sure).toBeGreaterThanOrEqual(11);
    expect(segKey('Plain &unknown; entity')).toBeNull();
    expect(segKey('Bad &#0; reference')).toBeNull();
  });
});

/** Runs the scanner over `text` in pieces of `size` characters: the fills, and how many units the real reader read. */
function scanFills(text: string, paragraphs: FillableParagraph[], size: number) {
  const fills = new ExactFills(paragraphs, PAIR);
  const reader = new TmxReader(PAIR, NOW, (u) => fills.offer(u));
  const scanner = new TmxExactScanner({ write: (t) => reader.write(t) }, fills, 'en');
  for (let at = 0; at < text.length; at += size) scanner.write(text.slice(at, at + size));
  scanner.end();
  reader.end();
  return { matches: fills.matches(), candidates: scanner.candidates, units: scanner.units };
}

function fullFills(text: string, paragraphs: FillableParagraph[]) {
  const fills = new ExactFills(paragraphs, PAIR);
  for (const u of parseTmx(text, PAIR, NOW).units) fills.offer(u);
  return fills.matches();
}

const para = (id: string, source: string): FillableParagraph => ({ id, source, codes: [] });

describe('TmxExactScanner', () => {
  const paragraphs = [
    para('plain', 'Plain text, nothing special.'),
    para('amp', 'Fish & chips <3 > "quoted" \'it\''),
    para('accent', 'Café and café and café'),
    para('bold', 'Bold word here.'),
    para('hi', 'Highlighted words stay.'),
    para('cdata', 'CDATA <b>raw</b> & more here.'),
    para('comment', 'A comment inside.'),
    para('variant', 'Only in en-US.'),
    para('newest', 'Two translations.'),
    para('none', 'Nobody translated this.'),
  ];
  const body = [
    ...TRICKY.map((c, i) => tu(c, `t${i}`)),
    '<!-- a comment between units, with </tu> in it -->\n',
    tu('Only in en-US.', 'Solo en-US.', 'en-US', 'es'),
    tu('Only in en-US.', 'Not a source', 'es', 'en'),
    tu('Two translations.', 'Primera.'),
    tu('Two translations.', 'Segunda.'),
    tu('Two translations.', 'Primera.'),
    ...Array.from({ length: 300 }, (_, i) => tu(`Noise ${i} of the sort no paragraph has.`, `Ruido ${i}.`)),
    `<tu tuid="x" ><tuv xml:lang="fr"><seg>Plain text, nothing special.</seg></tuv></tu >\n`,
  ].join('');
  const text = tmx(body);

  it('fills what the real reader fills, the file cut in pieces of any size (a <seg> or a tag split across them)', () => {
    const expected = fullFills(text, paragraphs);
    // 'bold', 'hi': the unit's formatting differs from the plain paragraph's (99 %); 'none': no unit.
    expect([...expected.keys()].sort()).toEqual(['accent', 'amp', 'cdata', 'comment', 'newest', 'plain', 'variant']);
    expect(expected.get('newest')?.target).toBe('Segunda.');
    for (const size of [1, 2, 3, 7, 64, 1000, text.length]) {
      const got = scanFills(text, paragraphs, size);
      expect(got.matches, `pieces of ${size}`).toEqual(expected);
      // Only candidates reach the real reader: not the 300 noise units.
      expect(got.candidates).toBeLessThan(40);
      expect(got.units).toBe(TRICKY.length + 306);
    }
  });

  it('gives up (the caller reads with the real reader) on what it is not sure of', () => {
    const cases = [
      `<?xml version="1.0"?><!-- <body> --><tmx version="1.4"><header/><body>${tu('a', 'b')}</body></tmx>`,
      tmx(`${tu('a', 'b')}stray text`),
      tmx(`<tu><tuv xml:lang="en"><seg>cut`),
      `${HEAD}${tu('a', 'b')}`,
    ];
    for (const c of cases) {
      const scanner = new TmxExactScanner({ write: () => {} }, new ExactFills([], PAIR), 'en');
      expect(() => {
        scanner.write(c);
        scanner.end();
      }, c).toThrow(TmxScanFallback);
    }
  });

  it('hands a unit with a missing </tu> or an unclosed <seg> to the real reader, which refuses the file', () => {
    for (const broken of [
      `<tu><tuv xml:lang="en"><seg>Noise</seg></tuv>\n${tu('Noise 2', 'b')}`,
      `<tu><tuv xml:lang="en"><seg>Noise</tuv></tu>\n`,
    ]) {
      expect(() => scanFills(tmx(broken), [para('p', 'Plain text.')], 5)).toThrow(/broken at line/);
    }
  });
});
