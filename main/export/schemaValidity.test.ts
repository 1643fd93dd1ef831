/** Every XML format Verso writes validates against its official schema (tools/schemas/, xmllint). */
import { describe, expect, it } from 'vitest';
import { xmlSchemaErrors } from '../testing/validateXml.js';
import { writeTmx } from './formats/tmx.js';
import { writeXliff12 } from './formats/xliff12.js';
import { writeXliff20 } from './formats/xliff20.js';
import { sampleExport, sampleParagraphs } from './testing/sampleExport.js';
import { closeToken as c, openToken as o, soloToken as s, stripTokens, type InlineCode } from '../../shared/inline/inlineCodes.js';
import { meaningOf } from '../../shared/inline/xliffCodes.js';
import { xmlSafeText } from '../../shared/xml/escapeXml.js';
import { parseXliff } from '../import/formats/xliff.js';
import { xliffRuleErrors } from '../testing/xliffRules.js';
import { exportOfImport, FIXTURES_12, FIXTURES_20, xliff12File, xliff20File } from './testing/xliffFixtures.js';

describe('exports validate against the official schemas', () => {
  const doc = sampleExport();
  it('XLIFF 1.2 (strict XSD)', () => expect(xmlSchemaErrors(writeXliff12(doc), 'xliff12')).toBeNull());
  it('XLIFF 2.0 (core and module XSDs)', () => expect(xmlSchemaErrors(writeXliff20(doc), 'xliff20')).toBeNull());
  it('TMX 1.4b (DTD)', () => expect(xmlSchemaErrors(writeTmx(doc), 'tmx14')).toBeNull());
  it('with every origin (issue 12): MT, TM, human, unknown and unknown declared human', () => {
    const base = sampleExport();
    const declaredHuman = {
      name: 'Elena Editor',
      role: 'editor' as const,
      at: '2026-03-01T11:00:00.000Z',
      reason: 'Translated by "Ana" & <desk>',
    };
    const origins = [
      undefined,
      { kind: 'tm' as const, tool: null, declaredHuman: null },
      { kind: 'human' as const, tool: null, declaredHuman: null },
      { kind: 'unknown' as const, tool: 'OmegaT 3.6', declaredHuman: null },
      { kind: 'unknown' as const, tool: null, declaredHuman },
    ];
    const doc = {
      ...base,
      paragraphs: base.paragraphs.map((p, i) => (i === 0 || !origins[i] ? p : { ...p, mt: null, origin: origins[i] })),
    };
    const x12 = writeXliff12(doc);
    const x20 = writeXliff20(doc);
    expect(xmlSchemaErrors(x12, 'xliff12')).toBeNull();
    expect(xmlSchemaErrors(x20, 'xliff20')).toBeNull();
    expect(xmlSchemaErrors(writeTmx(doc), 'tmx14')).toBeNull();
    expect(x20).toContain('<mda:meta type="origin">unknown</mda:meta>');
    expect(x20).toContain('<mda:meta type="importedFrom">OmegaT 3.6</mda:meta>');
    expect(x12).toContain('{&quot;origin&quot;:&quot;tm&quot;}');
  });
  it('the validator does reject what breaks a schema', () => {
    const broken = writeXliff12(doc).replace('<trans-unit ', '<trans-unit bogus="1" ');
    expect(xmlSchemaErrors(broken, 'xliff12')).toMatch(/bogus/);
    expect(xmlSchemaErrors(writeTmx(doc).replace('<tu ', '<tu nonsense="x" '), 'tmx14')).toMatch(/nonsense/);
    expect(xmlSchemaErrors(writeXliff20(doc).replace(/state="[a-z]+"/, 'state="bogus"'), 'xliff20')).toMatch(/bogus/);
  });
});

describe('XLIFF: every export validates and meets the processing requirements (issue 14)', () => {
  /** Schema errors and processing-requirement violations of an XLIFF export (both empty when valid). */
  const check = (xml: string, schema: 'xliff12' | 'xliff20') => ({ schema: xmlSchemaErrors(xml, schema), rules: xliffRuleErrors(xml) });
  const VALID = { schema: null, rules: [] };
  const statuses = ['new', 'machine', 'edited', 'translated', 'signed-off'] as const;

  const matrix = [
    ...Object.entries(FIXTURES_12).map(([name, body]) => [`imported 1.2: ${name}`, xliff12File(body)] as const),
    ...Object.entries(FIXTURES_20).map(([name, body]) => [`imported 2.0: ${name}`, xliff20File(body)] as const),
  ];
  for (const [name, file] of matrix) {
    it(`${name} → 1.2 and 2.0, every status, with the MT candidate`, () => {
      for (const status of statuses) {
        const doc = exportOfImport(parseXliff(file), status);
        expect(check(writeXliff12(doc), 'xliff12'), `1.2 ${status}`).toEqual(VALID);
        expect(check(writeXliff20(doc), 'xliff20'), `2.0 ${status}`).toEqual(VALID);
      }
    });
  }

  it("re-exports of Verso's own exports stay valid (1.2 → import → 2.0 → import → 1.2)", () => {
    for (const [, file] of matrix) {
      const first = exportOfImport(parseXliff(file), 'machine');
      const via20 = exportOfImport(parseXliff(writeXliff20(first)), 'machine');
      const via12 = exportOfImport(parseXliff(writeXliff12(via20)), 'edited');
      expect(check(writeXliff12(via20), 'xliff12')).toEqual(VALID);
      expect(check(writeXliff20(via12), 'xliff20')).toEqual(VALID);
      // Nothing is lost on the way: the text, and every code's native data and equivalent text
      // (a 2.0 <sc>/<ec> pair with data comes back from 1.2 as one <bpt>/<ept> pair; a control
      // character in native data, kept by 2.0 as <cp>, is U+FFFD in 1.2, which cannot carry it).
      const carried = (d: typeof first) =>
        d.paragraphs.map((p) => [
          stripTokens(p.source),
          p.codes
            .flatMap((k) => [meaningOf(k).data, meaningOf(k).dataEnd, meaningOf(k).equiv, meaningOf(k).equivEnd])
            .filter((v) => v !== null)
            .map(xmlSafeText)
            .sort(),
        ]);
      expect(carried(via12)).toEqual(carried(first));
    }
  });

  it('the MT candidate never repeats the unit\'s inline ids, and raw MT is state="initial" in 2.0', () => {
    const x20 = writeXliff20(
      exportOfImport(parseXliff(xliff20File(FIXTURES_20['pc fmt b with nested pc link (originalData)']!)), 'machine'),
    );
    expect(x20).toContain('<mtc:match ');
    expect(x20).toMatch(/<pc id="m1"/);
    expect(x20).toMatch(/<segment id="s1" state="initial" subState="verso:machine">/);
    expect(check(x20, 'xliff20')).toEqual(VALID);
  });

  it('an engine or tool name with spaces gives a valid subType, and import reads the name back', () => {
    const doc = exportOfImport(
      parseXliff(xliff20File(FIXTURES_20['MT candidate with its own codes (mtc:match)']!)),
      'machine',
      'Boo 1.0: beta',
    );
    const x20 = writeXliff20(doc);
    expect(x20).toContain('subType="verso:Boo%201.0%3A%20beta"');
    expect(check(x20, 'xliff20')).toEqual(VALID);
    const back = parseXliff(x20).segments[0]!.target!.origin;
    expect(back).toMatchObject({ kind: 'mt', engineId: 'Boo 1.0: beta' });
  });

  it("a paragraph with inline codes and a vertical tab (Word's line break) gives well-formed, valid XLIFF: VT becomes a line feed", () => {
    const codes: InlineCode[] = [
      { type: 'bold' },
      { type: 'link', href: 'https://example.org/' },
      { type: 'xliff', element: 'ph', attrs: { id: '1' }, content: 'a\u000Bb\u0001' },
    ];
    const source = `One ${o(0)}line\u000Bbreak${c(0)} and ${o(1)}a\u000Clink${c(1)}${s(2)}\u0007.`;
    const base = sampleParagraphs()[1]!;
    const doc = sampleExport({
      paragraphs: [{ ...base, source, target: source, codes, status: 'machine', mt: { ...base.mt!, text: source } }],
      footer: null,
    });
    const x12 = writeXliff12(doc);
    const x20 = writeXliff20(doc);
    expect(check(x12, 'xliff12')).toEqual(VALID);
    expect(check(x20, 'xliff20')).toEqual(VALID);
    for (const x of [x12, x20]) {
      expect(x).not.toMatch(/[\u000B\u000C\u0001\u0007]/);
      expect(x).toContain('line\nbreak');
    }
    // Native data is kept exactly: the characters text cannot hold are <cp> there.
    expect(x20).toContain('<data id="d3" xml:space="preserve">a<cp hex="000B"/>b<cp hex="0001"/></data>');
    expect(parseXliff(x20).segments[0]!.codes![2]).toMatchObject({ content: 'a\u000Bb\u0001' });
  });

  it('the processing-requirement checks do catch what the schemas let through', () => {
    const unit = (body: string, data = '') =>
      xliff20File(`<unit id="u1">${data}<segment id="s1"><source>${body}</source></segment></unit>`);
    expect(xliffRuleErrors(unit('<pc id="1">a</pc><pc id="1">b</pc>')).join()).toMatch(/duplicated id "1"/);
    expect(xliffRuleErrors(unit('<ph id="1" dataRef="d9"/>')).join()).toMatch(/dataRef="d9" names no <data>/);
    expect(xliffRuleErrors(unit('<ph id="1" subType="acme:x"/>')).join()).toMatch(/subType without a type/);
    expect(xliffRuleErrors(unit('<ph id="1" type="ui" subType="xlf:b"/>')).join()).toMatch(/needs type="fmt"/);
    expect(xliffRuleErrors(unit('<ec startRef="4"/>')).join()).toMatch(/closes no <sc>/);
    expect(xliffRuleErrors(unit('<sc id="4"/>a')).join()).toMatch(/never closed/);
    const mtc = xliff20File(
      '<unit id="u1"><mtc:matches><mtc:match ref="#s1" type="mt" subType="verso:Boo 1.0"><source><pc id="1">a</pc></source><target><pc id="1">b</pc></target></mtc:match></mtc:matches><segment id="s1"><source><pc id="1">a</pc></source></segment></unit>',
    );
    expect(xliffRuleErrors(mtc).join()).toMatch(/match source: id "1" repeats one of the unit's own/);
    expect(xliffRuleErrors(mtc).join()).toMatch(/subType "verso:Boo 1.0" is not prefix:value/);
    expect(
      xliffRuleErrors(
        xliff12File('<trans-unit id="1"><source>a<ept id="1">x</ept><ph id="2" xid="nowhere"/><x id="2"/></source></trans-unit>'),
      ),
    ).toEqual([
      'unit 1 source: <ept> 1 has no <bpt> before it',
      'unit 1 source: id "2" used by <ph> and <x>',
      'xid="nowhere" names no trans-unit',
    ]);
  });
});
