/**
 * Every importer on pathological input of about 200 KB: it finishes or refuses with a clear
 * (ServiceError) message, and its time grows about linearly. Wall-clock time on this shared
 * machine is noisy, so the check is a ratio: doubling the input may not more than triple the
 * time (fastest of up to five runs each, plus a small allowance for timer noise); a 30 s ceiling per run
 * only guards against a hang. The figures measured are printed.
 */
import { describe, expect, it } from 'vitest';
import { parseGlossaryCsv } from '../glossary/csv.js';
import { parseTbx } from '../glossary/tbx.js';
import { parseTmx } from '../memory/tmxReader.js';
import { isServiceError } from '../core/serviceError.js';
import { parseImportFile } from './parseImport.js';
import { PATHOLOGICAL_FILES, fill, lines, nest } from './testing/pathological.js';

const SIZE = 200_000;
const HANG_GUARD_MS = 30_000;
const NOISE_MS = 100;
const ATTEMPTS = 5;

type Run = () => unknown;
type Case = [name: string, make: (size: number) => Run];

/** The article files (shared with `npm run bench:import`), read as an import reads them. */
const FILES: Case[] = PATHOLOGICAL_FILES.map((f): Case => [
  f.name,
  (size) => {
    const bytes = f.make(size);
    return () => parseImportFile({ fileName: f.fileName, bytes });
  },
]);

const tmx = (body: string): string =>
  `<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>${body}</seg></tuv><tuv xml:lang="es"><seg>x</seg></tuv></tu></body></tmx>`;
const PAIR = { sourceLang: 'en', targetLang: 'es' };
const tbx = (body: string): string =>
  `<tbx type="TBX-Basic"><text><body><conceptEntry id="1"><langSec xml:lang="en"><termSec><term>${body}</term></termSec></langSec></conceptEntry></body></text></tbx>`;

const MEMORY_AND_GLOSSARY: Case[] = [
  ['tmx: deeply nested <hi>', (n) => () => parseTmx(tmx(nest('<hi>', '</hi>', n)), PAIR, '2026-01-01T00:00:00Z')],
  ['tmx: entity-like text', (n) => () => parseTmx(tmx(fill('&amp;&#38;', n)), PAIR, '2026-01-01T00:00:00Z')],
  [
    'tmx: many attributes',
    (n) => () => parseTmx(`<tmx ${lines((i) => `a${i}="1"`, n).replace(/\n/g, ' ')}><body/></tmx>`, PAIR, '2026-01-01T00:00:00Z'),
  ],
  ['tbx: deeply nested elements', (n) => () => parseTbx(tbx(nest('<hi>', '</hi>', n)), PAIR)],
  ['csv: a run of quotes', (n) => () => parseGlossaryCsv('source,target\n' + fill('"', n))],
  ['csv: many short rows', (n) => () => parseGlossaryCsv('source,target\n' + fill('a,b\n', n))],
  ['csv: one row of many fields', (n) => () => parseGlossaryCsv('source,target\n' + fill('a,', n))],
];

/** Milliseconds of one run; a ServiceError is a clear refusal (its code is the outcome), anything else fails. */
async function timed(run: Run): Promise<{ ms: number; outcome: string }> {
  const start = performance.now();
  let outcome = 'imported';
  try {
    await run();
  } catch (e) {
    if (!isServiceError(e)) throw e;
    outcome = e.code;
  }
  const ms = performance.now() - start;
  expect(ms, 'hang guard').toBeLessThan(HANG_GUARD_MS);
  return { ms, outcome };
}

/**
 * Times the half-size and the full-size input, and again (keeping each one's fastest run, up to
 * five) while the full one looks more than three times slower: a busy machine slows single runs.
 */
async function measure(make: (size: number) => Run): Promise<{ half: number; full: number; outcome: string }> {
  const small = make(SIZE / 2);
  const big = make(SIZE);
  let half = Infinity;
  let full = Infinity;
  let outcome = '';
  for (let i = 0; i === 0 || (i < ATTEMPTS && full > 3 * half + NOISE_MS); i++) {
    half = Math.min(half, (await timed(small)).ms);
    const run = await timed(big);
    full = Math.min(full, run.ms);
    outcome = run.outcome;
  }
  return { half, full, outcome };
}

describe('importers on pathological input: time grows about linearly', () => {
  it.each([...FILES, ...MEMORY_AND_GLOSSARY])(
    '%s',
    async (name, make) => {
      const { half, full, outcome } = await measure(make);
      console.log(`${name}: ${SIZE / 2000} KB ${half.toFixed(0)} ms, ${SIZE / 1000} KB ${full.toFixed(0)} ms (${outcome})`);
      expect(full).toBeLessThanOrEqual(3 * half + NOISE_MS);
    },
    120_000,
  );
});
