/**
 * Validates XML that Verso writes against the official schemas (copied unchanged into
 * tools/schemas/ from their public distributions) with xmllint (Debian's libxml2-utils), offline:
 * nothing is fetched (--nonet). xmllint is required: .ci/run installs it, and a missing tool fails.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const schemas = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../tools/schemas');

export type XmlSchema = 'xliff12' | 'xliff20' | 'tmx14';

const ARGS: Record<XmlSchema, string[]> = {
  xliff12: ['--schema', path.join(schemas, 'xliff/xliff-core-1.2-strict.xsd')],
  // driver.xsd imports the core and every module, so module elements (mtc:, mda:) are checked too.
  xliff20: ['--schema', path.join(schemas, 'xliff2.0/driver.xsd')],
  tmx14: ['--dtdvalid', path.join(schemas, 'tmx/tmx14.dtd')],
};

/** The validator's complaints, or null when `xml` is valid against `schema`. */
export function xmlSchemaErrors(xml: string, schema: XmlSchema): string | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verso-xml-'));
  try {
    const file = path.join(dir, 'doc.xml');
    fs.writeFileSync(file, xml);
    const r = spawnSync('xmllint', ['--noout', '--nonet', ...ARGS[schema], file], { encoding: 'utf8' });
    if (r.error) throw new Error(`xmllint could not run (apt-get install libxml2-utils): ${r.error.message}`);
    return r.status === 0 ? null : (r.stderr || r.stdout).replaceAll(file, 'doc.xml').trim();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
