/**
 * The committed hostile Word files are exactly what `hostileDocx.ts` makes, and expected.json names
 * the same error for each. `VERSO_WRITE_FIXTURES=1 npx vitest run main/import/testing/hostileDocx.test.ts`
 * rewrites them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOSTILE_DOCX } from './hostileDocx.js';

const DIR = path.resolve(__dirname, '..', 'fixtures', 'hostile');
const EXPECTED = path.join(DIR, 'expected.json');

describe('hostile DOCX fixtures', () => {
  if (process.env['VERSO_WRITE_FIXTURES'] === '1') {
    const expected = JSON.parse(fs.readFileSync(EXPECTED, 'utf8')) as Record<string, unknown>;
    for (const [name, spec] of Object.entries(HOSTILE_DOCX)) {
      fs.writeFileSync(path.join(DIR, name), spec.make());
      expected[name] = spec.details ? { code: spec.code, details: spec.details, why: spec.why } : { code: spec.code, why: spec.why };
    }
    const sorted = Object.fromEntries(Object.entries(expected).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    fs.writeFileSync(EXPECTED, JSON.stringify(sorted, null, 1));
  }

  it.each(Object.keys(HOSTILE_DOCX))('%s is committed as made, with its expected error', (name) => {
    const spec = HOSTILE_DOCX[name]!;
    expect(fs.readFileSync(path.join(DIR, name)).equals(spec.make())).toBe(true);
    const expected = JSON.parse(fs.readFileSync(EXPECTED, 'utf8')) as Record<string, { code: string; details?: unknown }>;
    expect(expected[name]?.code).toBe(spec.code);
    if (spec.details) expect(expected[name]?.details).toEqual(spec.details);
  });
});
