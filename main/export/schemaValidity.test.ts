/** Every XML format Verso writes validates against its official schema (tools/schemas/, xmllint). */
import { describe, expect, it } from 'vitest';
import { xmlSchemaErrors } from '../testing/validateXml.js';
import { writeTmx } from './formats/tmx.js';
import { writeXliff12 } from './formats/xliff12.js';
import { writeXliff20 } from './formats/xliff20.js';
import { sampleExport } from './testing/sampleExport.js';

describe('exports validate against the official schemas', () => {
  const doc = sampleExport();
  it('XLIFF 1.2 (strict XSD)', () => expect(xmlSchemaErrors(writeXliff12(doc), 'xliff12')).toBeNull());
  it('XLIFF 2.0 (core and module XSDs)', () => expect(xmlSchemaErrors(writeXliff20(doc), 'xliff20')).toBeNull());
  it('TMX 1.4b (DTD)', () => expect(xmlSchemaErrors(writeTmx(doc), 'tmx14')).toBeNull());
  it('with every origin (issue 12): MT, TM, human, unknown and unknown declared human', () => {
    const base = sampleExport();
    const declaredHuman = { name: 'Elena Editor', role: 'editor' as const, at: '2026-03-01T11:00:00.000Z', reason: 'Translated by "Ana" & <desk>' };
    const origins = [undefined, { kind: 'tm' as const, tool: null, declaredHuman: null }, { kind: 'human' as const, tool: null, declaredHuman: null },
      { kind: 'unknown' as const, tool: 'OmegaT 3.6', declaredHuman: null }, { kind: 'unknown' as const, tool: null, declaredHuman }];
    const doc = { ...base, paragraphs: base.paragraphs.map((p, i) => (i === 0 || !origins[i] ? p : { ...p, mt: null, origin: origins[i]! })) };
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
