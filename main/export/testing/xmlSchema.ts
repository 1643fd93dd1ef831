/**
 * Validates XML against the official schemas in /work/shared/reference/schemas with xmllint
 * (Debian's libxml2-utils), offline (--nonet). Throws with xmllint's own messages when invalid.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const SCHEMAS_DIR = process.env['VERSO_SCHEMAS_DIR'] ?? '/work/shared/reference/schemas';

const ARGS: Record<'xliff12' | 'xliff20' | 'tmx', string[]> = {
  xliff12: ['--schema', path.join(SCHEMAS_DIR, 'xliff', 'xliff-core-1.2-strict.xsd')],
  xliff20: ['--schema', path.join(SCHEMAS_DIR, 'xliff2.0', 'driver.xsd')],
  tmx: ['--dtdvalid', path.join(SCHEMAS_DIR, 'tmx', 'tmx14.dtd')],
};

export function validateXml(xml: string, kind: keyof typeof ARGS): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verso-xmllint-'));
  try {
    const file = path.join(dir, `export.${kind === 'tmx' ? 'tmx' : 'xlf'}`);
    fs.writeFileSync(file, xml);
    const run = spawnSync('xmllint', ['--noout', '--nonet', ...ARGS[kind], file], { encoding: 'utf8' });
    if (run.error) throw run.error;
    if (run.status !== 0) throw new Error(`${kind} export is not valid:\n${run.stderr}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
