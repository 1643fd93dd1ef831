import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { xmlSchemaErrors } from '../testing/validateXml.js';
import { isServiceError } from '../core/serviceError.js';
import { tmxDate, toTmxDate, writeTmx } from './tmx.js';
import { parseTmx, TmxReader } from './tmxReader.js';

const pair = { sourceLang: 'en', targetLang: 'es' };
const NOW = '2026-11-29T00:00:00.000Z';
const wrap = (body: string) => `<tmx version="1.4b"><header srclang="en"/><body>${body}</body></tmx>`;

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (isServiceError(err)) return err.code;
    throw err;
  }
  return 'none';
}

describe('parseTmx', () => {
  it('reads seg text with its inline codes (issue 14), keeps <hi> text, takes changeid/changedate over creation', () => {
    const parsed = parseTmx(
      wrap(`<tu creationid="a" changeid="b" creationdate="20200101T000000Z" changedate="20210203T040506Z">
        <tuv xml:lang="en-GB"><seg>Press <bpt i="1">&lt;b&gt;</bpt><hi>Start</hi><ept i="1">&lt;/b&gt;</ept> now<ph>&lt;br/&gt;</ph>.</seg></tuv>
        <tuv xml:lang="es-MX"><seg><![CDATA[Pulse «Start» ahora.]]></seg></tuv></tu>`),
      pair,
      NOW,
    );
    expect(parsed.units).toEqual([
      {
        sourceLang: 'en-GB',
        targetLang: 'es-MX',
        source: 'Press \uE000\uE001Start\uE101\uE100 now\uE202.',
        target: 'Pulse «Start» ahora.',
        codes: [{ type: 'bold' }, { type: 'xliff', element: 'g', attrs: { 'x-tmx': 'hi' }, content: '' }, { type: 'break' }],
        origin: 'tmx',
        createdBy: 'b',
        createdAt: '2021-02-03T04:05:06.000Z',
      },
    ]);
  });
  it("counts the notes and properties it leaves out (issue 14: said, never silent), not Verso's own props", () => {
    const parsed = parseTmx(
      wrap(`<tu><note>Checked by legal.</note><prop type="client">Acme</prop><prop type="x-verso-origin">human</prop><prop type="x-document">Floods</prop>
        <tuv xml:lang="en"><prop type="x-context">headline</prop><note>UK spelling</note><seg>Rain</seg></tuv>
        <tuv xml:lang="es"><seg>Lluvia</seg></tuv></tu>`),
      { sourceLang: 'en', targetLang: 'es' },
      NOW,
    );
    expect(parsed.units.map((u) => u.target)).toEqual(['Lluvia']);
    expect(parsed.notKept).toEqual({ notes: 2, properties: 2, sourceVariants: 0 });
    const own = writeTmx(
      parsed.units.map((u) => ({ ...u, unitId: 1, documentId: 'd', documentTitle: 'Floods' })),
      { sourceLang: 'en', targetLang: 'es' },
      '0.1.0',
    );
    expect(parseTmx(own, { sourceLang: 'en', targetLang: 'es' }, NOW).notKept).toEqual({ notes: 0, properties: 0, sourceVariants: 0 });
  });
  it('accepts TMX 1.1 lang attributes and counts units without both languages as skipped', () => {
    const parsed = parseTmx(
      `<tmx version="1.1"><body><tu><tuv lang="EN"><seg>Hi</seg></tuv><tuv lang="ES"><seg>Hola</seg></tuv></tu><tu><tuv lang="EN"><seg>Only</seg></tuv></tu><tu><tuv lang="EN"><seg>Empty</seg></tuv><tuv lang="ES"><seg> </seg></tuv></tu></body></tmx>`,
      pair,
      NOW,
    );
    expect(parsed.units.map((u) => u.target)).toEqual(['Hola']);
    expect(parsed.skipped).toBe(2);
    expect(parsed.units[0]!.createdAt).toBe(NOW);
  });
  it('refuses DTDs with internal subsets or entities, but reads the plain DOCTYPE OmegaT writes', () => {
    expect(parseTmx(`<!DOCTYPE tmx SYSTEM "tmx11.dtd">${wrap('')}`, pair, NOW).units).toEqual([]);
    expect(code(() => parseTmx(`<!DOCTYPE tmx [<!ENTITY a "b">]>${wrap('')}`, pair, NOW))).toBe('TMX_DOCTYPE');
    expect(code(() => parseTmx(`<!DOCTYPE tmx PUBLIC "x" "http://evil/x.dtd" [<!ENTITY a "b">]>${wrap('')}`, pair, NOW))).toBe(
      'TMX_DOCTYPE',
    );
    expect(code(() => parseTmx(`<!DOCTYPE tmx SYSTEM "http://evil/x.dtd" [<!ENTITY % p SYSTEM "x">]>${wrap('')}`, pair, NOW))).toBe(
      'TMX_DOCTYPE',
    );
  });
  it('refuses broken XML, other roots and versions, tuv without a language, too deep nesting', () => {
    expect(code(() => parseTmx(wrap('<tu><tuv xml:lang="en"><seg>x</tuv></tu>'), pair, NOW))).toBe('TMX_INVALID');
    expect(code(() => parseTmx('<xliff version="1.2"/>', pair, NOW))).toBe('TMX_INVALID');
    expect(code(() => parseTmx('<tmx version="2"/>', pair, NOW))).toBe('TMX_INVALID');
    expect(code(() => parseTmx(wrap('<tu><tuv><seg>x</seg></tuv></tu>'), pair, NOW))).toBe('TMX_INVALID');
    expect(code(() => parseTmx('', pair, NOW))).toBe('TMX_INVALID');
    const deep = '<hi>'.repeat(60) + '</hi>'.repeat(60);
    expect(code(() => parseTmx(wrap(`<tu><tuv xml:lang="en"><seg>${deep}</seg></tuv></tu>`), pair, NOW))).toBe('TMX_INVALID');
  });
});

describe('reading bytes', () => {
  const bytesOf = (bytes: Uint8Array) => {
    const units: string[] = [];
    const reader = new TmxReader(pair, NOW, (u) => units.push(u.target));
    reader.writeBytes(bytes);
    reader.end();
    return units;
  };
  const file = wrap('<tu><tuv xml:lang="en"><seg>Hi</seg></tuv><tuv xml:lang="es"><seg>Hola</seg></tuv></tu>');
  it('reads UTF-8 and UTF-16 with a byte-order mark; refuses invalid bytes', () => {
    expect(bytesOf(new TextEncoder().encode(file))).toEqual(['Hola']);
    expect(bytesOf(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(file, 'utf16le')]))).toEqual(['Hola']);
    expect(bytesOf(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(file, 'utf16le').swap16()]))).toEqual(['Hola']);
    expect(code(() => bytesOf(new Uint8Array([0x3c, 0xc3, 0x28])))).toBe('TMX_INVALID');
  });
});

describe('writeTmx', () => {
  it('escapes text and attributes, marks characters XML cannot hold as U+FFFD, and reads back the same units', () => {
    const unit = {
      unitId: 1,
      sourceLang: 'en',
      targetLang: 'ar',
      source: 'Tom & "Jerry" <3\u0001',
      target: 'توم وجيري',
      origin: 'signoff' as const,
      createdBy: 'Ana "A"',
      createdAt: '2026-01-02T03:04:05.000Z',
      documentId: 'd',
      documentTitle: 'News & more',
    };
    const xml = writeTmx([unit], { sourceLang: 'en', targetLang: 'ar' }, '0.1.0');
    expect(xml).toContain('<tmx version="1.4">');
    expect(xml).toContain('creationdate="20260102T030405Z" creationid="Ana &quot;A&quot;"');
    const back = parseTmx(xml, { sourceLang: 'en', targetLang: 'ar' }, NOW);
    expect(back.units).toEqual([
      {
        sourceLang: 'en',
        targetLang: 'ar',
        source: 'Tom & "Jerry" <3\uFFFD',
        target: 'توم وجيري',
        origin: 'tmx',
        createdBy: 'Ana "A"',
        createdAt: unit.createdAt,
      },
    ]);
  });
  it('converts dates both ways', () => {
    expect(tmxDate('20261129T235959Z')).toBe('2026-11-29T23:59:59.000Z');
    expect(tmxDate('2026-11-29')).toBeNull();
    expect(toTmxDate('2026-11-29T23:59:59.123Z')).toBe('20261129T235959Z');
  });
});

// Issue 14, TMX level 2. Fixtures written from the TMX 1.4b specification (sections 3.7, content markup).
describe('TMX level 2: inline codes', () => {
  const o = (i: number) => String.fromCharCode(0xe000 + i);
  const c = (i: number) => String.fromCharCode(0xe100 + i);
  const s = (i: number) => String.fromCharCode(0xe200 + i);
  const unitOf = (en: string, es: string, langs: [string, string] = ['en', 'es']) =>
    parseTmx(
      wrap(`<tu><tuv xml:lang="${langs[0]}"><seg>${en}</seg></tuv><tuv xml:lang="${langs[1]}"><seg>${es}</seg></tuv></tu>`),
      pair,
      NOW,
    ).units;

  it('keeps <bpt>/<ept> pairs as Verso codes (bold, italic, link by type or native code; others kept with their native code)', () => {
    const [u] = unitOf(
      'A <bpt i="1" type="bold">{\\b </bpt>bold<ept i="1">}</ept>, <bpt i="2">&lt;em&gt;</bpt>it<ept i="2">&lt;/em&gt;</ept>, <bpt i="3">&lt;a href="https://x.example/?a=1&amp;amp;b=2"&gt;</bpt>link<ept i="3">&lt;/a&gt;</ept> and <bpt i="4" x="7" type="font">&lt;font size="2"&gt;</bpt>small<ept i="4">&lt;/font&gt;</ept>.',
      'Un <bpt i="1" type="bold">{\\b </bpt>negrita<ept i="1">}</ept>.',
    );
    expect(u!.source).toBe(`A ${o(0)}bold${c(0)}, ${o(1)}it${c(1)}, ${o(2)}link${c(2)} and ${o(3)}small${c(3)}.`);
    expect(u!.target).toBe(`Un ${o(0)}negrita${c(0)}.`);
    expect(u!.codes).toEqual([
      { type: 'bold' },
      { type: 'italic' },
      { type: 'link', href: 'https://x.example/?a=1&b=2' },
      {
        type: 'xliff',
        element: 'g',
        attrs: { 'x-tmx': 'bpt', type: 'font', x: '7', 'x-tmx-end': '&lt;/font&gt;' },
        content: '&lt;font size=&quot;2&quot;&gt;',
      },
    ]);
  });

  it('keeps <ph>, <it>, <ut> and a <bpt> without its <ept> as standalone codes with their native code', () => {
    const [u] = unitOf(
      'Line<ph type="lb">&lt;br/&gt;</ph>one<ph x="2" type="image">&lt;img src="a.png"/&gt;</ph> <it pos="begin" type="bold">&lt;b&gt;</it>two <it pos="end">&lt;/b&gt;</it><ut>{\\f1}</ut><bpt i="9">&lt;u&gt;</bpt>.',
      'Línea.',
    );
    expect(u!.source).toBe(`Line${s(0)}one${s(1)} ${s(2)}two ${s(3)}${s(4)}${s(5)}.`);
    expect(u!.codes).toEqual([
      { type: 'break' },
      { type: 'xliff', element: 'ph', attrs: { 'x-tmx': 'ph', x: '2', type: 'image' }, content: '&lt;img src=&quot;a.png&quot;/&gt;' },
      { type: 'xliff', element: 'bx', attrs: { 'x-tmx': 'it', pos: 'begin', type: 'bold' }, content: '&lt;b&gt;' },
      { type: 'xliff', element: 'ex', attrs: { 'x-tmx': 'it', pos: 'end' }, content: '&lt;/b&gt;' },
      { type: 'xliff', element: 'x', attrs: { 'x-tmx': 'ut' }, content: '{\\f1}' },
      { type: 'xliff', element: 'bx', attrs: { 'x-tmx': 'bpt' }, content: '&lt;u&gt;' },
    ]);
  });

  it('keeps the text of a <sub> (was "Click  to start.") and writes it back where it was', () => {
    const seg = 'Click <ph x="1" type="image">&lt;img src="go.png" alt="<sub>Start</sub>"/&gt;</ph> to start.';
    const [u] = unitOf(seg, 'Pulse <ph x="1" type="image">&lt;img src="go.png" alt="<sub>Inicio</sub>"/&gt;</ph> para empezar.');
    expect(u!.source).toBe(`Click ${o(0)}Start${c(0)} to start.`);
    expect(u!.target).toBe(`Pulse ${o(0)}Inicio${c(0)} para empezar.`);
    const xml = writeTmx([{ ...u!, unitId: 1, documentId: null, documentTitle: null }], pair, '1');
    expect(xml).toContain(
      '<seg>Click <ph x="1" type="image">&lt;img src=&quot;go.png&quot; alt=&quot;<sub>Start</sub>&quot;/&gt;</ph> to start.</seg>',
    );
    expect(xmlSchemaErrors(xml, 'tmx14')).toBeNull();
    // A <sub> inside a <bpt> stays in the code's native data, written back unchanged.
    const [v] = unitOf('<bpt i="1">&lt;a title="<sub>Help</sub>" href="h.html"&gt;</bpt>Help<ept i="1">&lt;/a&gt;</ept>', 'Ayuda');
    expect(writeTmx([{ ...v!, unitId: 1, documentId: null, documentTitle: null }], pair, '1')).toContain(
      '<bpt i="1">&lt;a title=&quot;<sub>Help</sub>&quot; href=&quot;h.html&quot;&gt;</bpt>Help<ept i="1">&lt;/a&gt;</ept>',
    );
  });

  it('links the codes of the two variants by x, else by kind and order, into one code list', () => {
    const [u] = unitOf(
      '<ph x="1">&lt;img/&gt;</ph> and <ph x="2">&lt;hr/&gt;</ph>',
      '<ph x="2">&lt;hr/&gt;</ph> y <ph x="1">&lt;img/&gt;</ph> <bpt i="1" type="bold">&lt;b&gt;</bpt>más<ept i="1">&lt;/b&gt;</ept>',
    );
    expect(u!.source).toBe(`${s(0)} and ${s(1)}`);
    expect(u!.target).toBe(`${s(1)} y ${s(0)} ${o(2)}más${c(2)}`);
    expect(u!.codes).toHaveLength(3);
  });

  it('writes every kind of code so the file validates against tmx14.dtd, and reads it back as the same unit', () => {
    const xml = wrap(
      `<tu><tuv xml:lang="en"><seg>${[
        '<bpt i="1" type="bold">&lt;b&gt;</bpt>a<ept i="1">&lt;/b&gt;</ept>',
        '<ph type="lb">&lt;br/&gt;</ph><ph type="x-code">x &lt; y</ph><ph x="3" assoc="p">&lt;img/&gt;</ph>',
        '<it pos="begin" x="4">&lt;u&gt;</it>b<it pos="end">&lt;/u&gt;</it><hi type="term">Verso</hi><ut>{}</ut>',
        '<bpt i="2" x="8" type="font">&lt;font&gt;</bpt>c<ept i="2">&lt;/font&gt;</ept>',
      ].join(' ')}</seg></tuv><tuv xml:lang="es"><seg>uno</seg></tuv></tu>`,
    );
    const [u] = parseTmx(xml, pair, NOW).units;
    expect(u!.codes).toHaveLength(9);
    const written = writeTmx([{ ...u!, unitId: 1, documentId: null, documentTitle: null }], pair, '1');
    expect(xmlSchemaErrors(written, 'tmx14')).toBeNull();
    const [back] = parseTmx(written, pair, NOW).units;
    expect(back).toEqual({ ...u, createdAt: back!.createdAt });
  });
});

describe('TMX level 2: DOCTYPE, languages and variants', () => {
  const LISA = '<!DOCTYPE tmx PUBLIC "-//LISA OSCAR:1998//DTD for Translation Memory eXchange//EN" "tmx14.dtd">';
  const tu = (...tuvs: [string, string][]) => `<tu>${tuvs.map(([l, t]) => `<tuv xml:lang="${l}"><seg>${t}</seg></tuv>`).join('')}</tu>`;

  it('reads the standard LISA PUBLIC doctype and never fetches a DTD or resolves an external entity', async () => {
    let requests = 0;
    const server = http.createServer((_req, res) => {
      requests++;
      res.end('<!ENTITY x "pwned">');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tmx14.dtd`;
    try {
      expect(parseTmx(`<?xml version="1.0"?>\n${LISA}\n${wrap(tu(['en', 'Hi'], ['es', 'Hola']))}`, pair, NOW).units).toHaveLength(1);
      expect(
        parseTmx(
          `<!DOCTYPE tmx PUBLIC "-//LISA OSCAR:1998//DTD for Translation Memory eXchange//EN" "${url}">${wrap(tu(['en', 'Hi'], ['es', 'Hola']))}`,
          pair,
          NOW,
        ).units,
      ).toHaveLength(1);
      // An entity the external DTD would declare is never resolved: the file is refused as broken.
      expect(code(() => parseTmx(`<!DOCTYPE tmx SYSTEM "${url}">${wrap(tu(['en', '&x;'], ['es', 'Hola']))}`, pair, NOW))).toBe(
        'TMX_INVALID',
      );
      await new Promise((r) => setTimeout(r, 100));
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it('canonicalises language tags (eN-uS → en-US) and keeps every variant of the target language', () => {
    const parsed = parseTmx(
      wrap(tu(['eN-uS', 'Color'], ['FR-ca', 'Couleur (CA)'], ['fr', 'Couleur'], ['fr_fr', 'Couleur (FR)'], ['de', 'Farbe'])),
      { sourceLang: 'en', targetLang: 'fr' },
      NOW,
    );
    expect(parsed.units.map((u) => [u.sourceLang, u.targetLang, u.target])).toEqual([
      ['en-US', 'fr-CA', 'Couleur (CA)'],
      ['en-US', 'fr', 'Couleur'],
      ['en-US', 'fr-FR', 'Couleur (FR)'],
    ]);
    expect(parsed.languages).toEqual(['de', 'en-US', 'fr', 'fr-CA', 'fr-FR']);
  });

  it('picks the source variant of the pair: the exact tag, else the language', () => {
    const twoSources = wrap(tu(['en-GB', 'Colour'], ['en-US', 'Color'], ['es', 'Color']));
    expect(parseTmx(twoSources, { sourceLang: 'en-US', targetLang: 'es' }, NOW).units.map((u) => u.source)).toEqual(['Color']);
    expect(parseTmx(twoSources, { sourceLang: 'en-GB', targetLang: 'es' }, NOW).units.map((u) => u.source)).toEqual(['Colour']);
    // The other source variant is not stored, and said.
    expect(parseTmx(twoSources, { sourceLang: 'en-GB', targetLang: 'es' }, NOW).notKept.sourceVariants).toBe(1);
  });

  it('imports en-US → en-GB by region: the target is never the source (was: target = source)', () => {
    const file = wrap(tu(['en-US', 'The color of the center.'], ['en-GB', 'The colour of the centre.']) + tu(['en-US', 'Only US.']));
    const parsed = parseTmx(file, { sourceLang: 'en-US', targetLang: 'en-GB' }, NOW);
    expect(parsed.units.map((u) => [u.sourceLang, u.source, u.targetLang, u.target])).toEqual([
      ['en-US', 'The color of the center.', 'en-GB', 'The colour of the centre.'],
    ]);
    expect(parsed.skipped).toBe(1);
    // An `en` <tuv> may be the source of en-US → en-GB, never its target.
    expect(parseTmx(wrap(tu(['en-US', 'Color'], ['en', 'Colour'])), { sourceLang: 'en-US', targetLang: 'en-GB' }, NOW).units).toEqual([]);
    expect(
      parseTmx(wrap(tu(['en', 'Color'], ['en-GB', 'Colour'])), { sourceLang: 'en-US', targetLang: 'en-GB' }, NOW).units.map(
        (u) => u.target,
      ),
    ).toEqual(['Colour']);
    const reverse = parseTmx(file, { sourceLang: 'en-GB', targetLang: 'en-US' }, NOW);
    expect(reverse.units.map((u) => [u.source, u.target])).toEqual([['The colour of the centre.', 'The color of the center.']]);
  });
});
