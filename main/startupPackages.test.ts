/**
 * What the import worker and the `verso` CLI evaluate when they start (docs/performance.md): a
 * format's or a feature's library loads with its first use (`import()`), so a plain-text import
 * and a TMX index do not pay for HTML, DOCX, XLIFF, Markdown or glossary readers, nor the CLI for
 * the PostgreSQL client or the DOCX writer. Read from esbuild's metafile: no clock involved.
 */
import { describe, expect, it } from 'vitest';
import { startupPackages } from './testing/startupPackages.js';

/** Each format's readers (HTML, DOCX, Markdown, CSV), and zod (only checking mode's error schemas). */
const FORMAT_LIBRARIES = [
  'linkedom',
  'parse5',
  'htmlparser2',
  '@mozilla/readability',
  'cssomnom',
  'yauzl',
  'micromark',
  'csv-parse',
  'zod',
];

describe('start-up of the bundled entries', () => {
  it('the import worker evaluates no format library before a job needs it', async () => {
    const packages = await startupPackages('main/import/importWorker.ts');
    expect(FORMAT_LIBRARIES.filter((p) => packages.has(p))).toEqual([]);
  });

  it('the CLI evaluates neither the PostgreSQL client nor the DOCX writer before a command needs it', async () => {
    const packages = await startupPackages('main/cli.ts');
    expect(['pg', 'pg-pool', 'docx', 'linkedom', 'micromark', 'yauzl'].filter((p) => packages.has(p))).toEqual([]);
    expect(packages.has('zod')).toBe(true);
  });
});
