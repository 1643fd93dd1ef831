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
  it('the validator does reject what breaks a schema', () => {
    const broken = writeXliff12(doc).replace('<trans-unit ', '<trans-unit bogus="1" ');
    expect(xmlSchemaErrors(broken, 'xliff12')).toMatch(/bogus/);
    expect(xmlSchemaErrors(writeTmx(doc).replace('<tu ', '<tu nonsense="x" '), 'tmx14')).toMatch(/nonsense/);
    expect(xmlSchemaErrors(writeXliff20(doc).replace(/state="[a-z]+"/, 'state="bogus"'), 'xliff20')).toMatch(/bogus/);
  });
});
