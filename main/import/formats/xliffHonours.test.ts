/** Issue 14 item 2: XLIFF import honours what the file says (versions, approved, state, qualifiers, structure, tool). */
import { describe, expect, it } from 'vitest';
import { parseXliff } from './xliff.js';

const unit12 = (attrs: string, target: string | null, source = 'Hello.') =>
  `<trans-unit id="1"${attrs}><source>${source}</source>${target === null ? '' : target}</trans-unit>`;
const file12 = (units: string, root = '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">', header = '') =>
  `<?xml version="1.0"?>\n${root}<file original="x" source-language="en" target-language="es" datatype="plaintext">${header}<body>${units}</body></file></xliff>`;

describe('XLIFF versions', () => {
  it('reads XLIFF 1.0 and 1.1 (with or without their namespaces) and 1.x without a version attribute', () => {
    const roots = [
      '<xliff version="1.0">',
      '<xliff version="1.1" xmlns="urn:oasis:names:tc:xliff:document:1.1">',
      '<xliff version="1.1">',
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2">',
      '<xliff>',
    ];
    for (const root of roots) {
      const parsed = parseXliff(file12(unit12('', '<target state="translated">Hola.</target>'), root));
      expect(
        parsed.segments.map((s) => [s.text, s.target?.text]),
        root,
      ).toEqual([['Hello.', 'Hola.']]);
      expect([parsed.sourceLang, parsed.targetLang]).toEqual(['en', 'es']);
    }
  });

  it('still refuses versions it does not know, clearly', () => {
    expect(() => parseXliff(file12('', '<xliff version="3.0">'))).toThrow(/version 3\.0/);
  });
});

describe('XLIFF 1.2 states', () => {
  const target = (xml: string) => parseXliff(file12(xml)).segments[0]!.target;

  it('approved="yes" is a confirmed translation, whatever the state says', () => {
    expect(target(unit12(' approved="yes"', '<target>Hola.</target>'))?.state).toBe('confirmed');
    expect(target(unit12(' approved="yes"', '<target state="needs-review-translation">Hola.</target>'))?.state).toBe('confirmed');
    expect(target(unit12(' approved="no"', '<target state="translated">Hola.</target>'))?.state).toBe('confirmed');
  });

  it('needs-* states are unconfirmed drafts; new / needs-translation targets that only copy the source are no translation', () => {
    expect(target(unit12('', '<target state="needs-review-translation">Hola.</target>'))?.state).toBe('edited');
    expect(target(unit12('', '<target state="needs-l10n">Hola.</target>'))?.state).toBe('edited');
    expect(target(unit12('', '<target state="new">Hola.</target>'))?.state).toBe('edited');
    expect(target(unit12('', '<target state="needs-translation">Hello.</target>'))).toBeNull();
    expect(target(unit12('', '<target state="new">Hello.</target>'))).toBeNull();
  });

  it('state-qualifier: mt-suggestion is raw MT even when "translated"; exact-match is from a TM', () => {
    const mt = target(unit12('', '<target state="translated" state-qualifier="mt-suggestion">Hola.</target>'));
    expect([mt?.state, mt?.origin?.kind]).toEqual(['mt', 'mt']);
    const tm = target(unit12('', '<target state="translated" state-qualifier="exact-match">Hola.</target>'));
    expect([tm?.state, tm?.origin?.kind]).toEqual(['confirmed', 'tm']);
  });

  it('a target with no state and no tool is an unconfirmed draft of unknown origin, never MT from an engine called "XLIFF"', () => {
    const t = target(unit12('', '<target>Hola.</target>'));
    expect(t).toMatchObject({ text: 'Hola.', state: 'edited', tool: null, origin: { kind: 'unknown' } });
  });
});

describe('the tool that wrote the file', () => {
  it('1.2: <header><tool> by tool-id (name and version); a <file tool="…"> without a <tool> element', () => {
    const header = '<header><tool tool-id="omt" tool-name="OmegaT" tool-version="3.6.0"/></header>';
    const xml = file12(unit12('', '<target state="translated">Hola.</target>'), undefined, header).replace(
      'datatype="plaintext"',
      'datatype="plaintext" tool-id="omt"',
    );
    const parsed = parseXliff(xml);
    expect(parsed.segments[0]!.target?.tool).toBe('OmegaT 3.6.0');
    expect(parsed.tool).toEqual({ name: 'OmegaT', version: '3.6.0' });
    // A <tool> in the header without tool-id on the file still names the tool.
    expect(parseXliff(file12(unit12('', null), undefined, header)).tool).toEqual({ name: 'OmegaT', version: '3.6.0' });
    expect(parseXliff(file12(unit12('', null))).tool).toBeNull();
  });

  it('2.0: the <file>/<unit> metadata (mda) naming a tool', () => {
    const xml = `<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" version="2.0" srcLang="en" trgLang="es">
  <file id="f1"><mda:metadata><mda:metaGroup category="tool"><mda:meta type="tool-name">Okapi Rainbow</mda:meta><mda:meta type="tool-version">1.44</mda:meta></mda:metaGroup></mda:metadata>
    <unit id="u1"><segment state="translated"><source>Hello.</source><target>Hola.</target></segment></unit>
  </file>
</xliff>`;
    expect(parseXliff(xml).tool).toEqual({ name: 'Okapi Rainbow', version: '1.44' });
  });
});

describe("structure from Verso's own XLIFF (restype x-verso-KIND / type verso:KIND)", () => {
  it('1.2: headings with their level, unordered and ordered list items, quotes; a plain unit is a paragraph', () => {
    const units = [
      '<trans-unit id="1" restype="x-verso-heading-2"><source>Title</source></trans-unit>',
      '<trans-unit id="2" restype="x-verso-list-item"><source>Bullet</source></trans-unit>',
      '<trans-unit id="3" restype="x-verso-list-item-3"><source>Third</source></trans-unit>',
      '<trans-unit id="4" restype="x-verso-quote"><source>Said.</source></trans-unit>',
      '<trans-unit id="5"><source>Plain.</source></trans-unit>',
      '<trans-unit id="6" restype="x-verso-heading-9"><source>Not a level.</source></trans-unit>',
      '<trans-unit id="7" restype="x-something"><source>Other tool.</source></trans-unit>',
    ].join('');
    const segs = parseXliff(file12(units)).segments.map((s) => [s.kind, s.marker]);
    expect(segs).toEqual([
      ['heading', '2'],
      ['list-item', null],
      ['list-item', '3.'],
      ['quote', null],
      ['paragraph', null],
      ['paragraph', null],
      ['paragraph', null],
    ]);
  });

  it('2.0: type="verso:KIND" on the unit', () => {
    const xml = `<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="es"><file id="f">
  <unit id="u1" type="verso:heading-1"><segment><source>Title</source></segment></unit>
  <unit id="u2" type="verso:list-item-12"><segment><source>Twelfth</source></segment></unit>
  <unit id="u3" type="verso:quote"><segment><source>Said.</source></segment></unit>
  <unit id="u4"><segment><source>Plain.</source></segment></unit>
</file></xliff>`;
    expect(parseXliff(xml).segments.map((s) => [s.kind, s.marker])).toEqual([
      ['heading', '1'],
      ['list-item', '12.'],
      ['quote', null],
      ['paragraph', null],
    ]);
  });
});

describe('the XLIFF 1.x DOCTYPE', () => {
  it("the specification's own public DOCTYPE is read past (never fetched); any other DOCTYPE is still refused", () => {
    const body =
      '<xliff version="1.1"><file original="x" source-language="en" target-language="es" datatype="plaintext"><body><trans-unit id="1"><source>Hi.</source></trans-unit></body></file></xliff>';
    const ok = `<?xml version="1.0"?>\n<!DOCTYPE xliff PUBLIC "-//XLIFF//DTD XLIFF//EN" "http://www.oasis-open.org/committees/xliff/documents/xliff.dtd">\n${body}`;
    expect(parseXliff(ok).segments.map((s) => s.text)).toEqual(['Hi.']);
    const subset = `<?xml version="1.0"?>\n<!DOCTYPE xliff PUBLIC "-//XLIFF//DTD XLIFF//EN" "x.dtd" [<!ENTITY e "boom">]>\n${body}`;
    expect(() => parseXliff(subset)).toThrow(expect.objectContaining({ code: 'IMPORT_XML_ENTITIES' }));
    const other = `<?xml version="1.0"?>\n<!DOCTYPE xliff SYSTEM "file:///etc/passwd">\n${body}`;
    expect(() => parseXliff(other)).toThrow(expect.objectContaining({ code: 'IMPORT_XML_ENTITIES' }));
  });
});
