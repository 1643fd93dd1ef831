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
import { parseTmx } from '../memory/tmx.js';
import { ServiceError } from '../services/serviceError.js';
import { parseImportFile } from './parseImport.js';
import { docxParts, makeZip } from './testing/zipWriter.js';

const SIZE = 200_000;
const HANG_GUARD_MS = 30_000;
const NOISE_MS = 100;
const ATTEMPTS = 5;

/** `unit` repeated to about `size` characters. */
const fill = (unit: string, size: number): string => unit.repeat(Math.max(1, Math.floor(size / unit.length)));
const nest = (open: string, close: string, size: number): string => {
  const n = Math.floor(size / (open.length + close.length));
  return open.repeat(n) + 'x' + close.repeat(n);
};
const lines = (line: (i: number) => string, size: number): string => {
  const out: string[] = [];
  for (let i = 0, len = 0; len < size; i++) {
    out.push(line(i));
    len += out[out.length - 1]!.length + 1;
  }
  return out.join('\n');
};

type Run = () => Promise<unknown> | unknown;
type Case = [name: string, make: (size: number) => Run];

const file = (fileName: string, text: (size: number) => string): ((size: number) => Run) => (size) => {
  const bytes = Buffer.from(text(size));
  return () => parseImportFile({ fileName, bytes });
};

/** Markdown text of `unit` repeated: as one block, or in blocks of about 1,000 characters between blank lines. */
const oneBlock = (unit: string) => (n: number) => fill(unit, n);
const inBlocks = (unit: string) => (n: number) => fill(fill(unit, 1_000) + '\n\n', n);

const MARKDOWN_UNITS: [string, string][] = [
  ['[', '['],
  ['[a](', '[a]('],
  ['[[a](u)', '[[a](u)'],
  ['![', '!['],
  ['*a', '*a'],
  ['_a', '_a'],
  ['**a_', '**a_'],
  ['*', '*'],
  ['backticks', '`'],
  ['`a', '`a'],
  ['<a', '<a'],
  ['<', '<'],
  ['>', '>'],
  ['list markers', '- '],
  ['&#x', '&#x'],
  ['backslashes', '\\'],
  ['*a [b](c) lines', '*a [b](c)\n'],
];

const MARKDOWN: Case[] = [
  ...MARKDOWN_UNITS.map(([name, unit]): Case => [`md: ${name} as one block`, file('a.md', oneBlock(unit))]),
  ...MARKDOWN_UNITS.map(([name, unit]): Case => [`md: ${name} in blocks`, file('a.md', inBlocks(unit))]),
  ['md: deeply nested quotes, line by line', file('a.md', (n) => lines((i) => '>'.repeat(i % 90) + ' x', n))],
  ['md: nested list items', file('a.md', (n) => lines((i) => ' '.repeat(2 * (i % 60)) + '- x', n))],
  ['md: many short paragraphs', file('a.md', (n) => fill('**a** [b](c)\n\n', n))],
];

const TEXT: Case[] = [
  ['txt: blank lines', file('a.txt', (n) => fill('\n', n))],
  ['txt: one long line of spaces and words', file('a.txt', (n) => fill('a ', n))],
  ['txt: invisible characters', file('a.txt', (n) => fill('\u200b\n', n))],
];

const HTML: Case[] = [
  ['html: deeply nested divs', file('a.html', (n) => nest('<div>', '</div>', n))],
  ['html: unclosed tags', file('a.html', (n) => fill('<p><b><i>', n))],
  ['html: many attributes', file('a.html', (n) => `<p ${fill('a=1 ', n)}>x</p>`)],
  ['html: entity-like text', file('a.html', (n) => `<p>${fill('&amp;&#', n)}</p>`)],
  ['html: a run of <', file('a.html', (n) => fill('<', n))],
  ['html: unclosed comment', file('a.html', (n) => '<!--' + fill('-', n))],
];

const xliff = (body: string): string =>
  `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en"><body><trans-unit id="1"><source>${body}</source></trans-unit></body></file></xliff>`;

const XLIFF: Case[] = [
  ['xliff: deeply nested <g>', file('a.xlf', (n) => xliff(nest('<g id="1">', '</g>', n)))],
  ['xliff: many attributes', file('a.xlf', (n) => xliff(`<x ${lines((i) => `a${i}="1"`, n).replace(/\n/g, ' ')}/>`))],
  ['xliff: entity-like text', file('a.xlf', (n) => xliff(fill('&amp;&#38;', n)))],
  ['xliff: a run of <', file('a.xlf', (n) => fill('<', n))],
];

const tmx = (body: string): string => `<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>${body}</seg></tuv><tuv xml:lang="es"><seg>x</seg></tuv></tu></body></tmx>`;
const PAIR = { sourceLang: 'en', targetLang: 'es' };
const tbx = (body: string): string => `<tbx type="TBX-Basic"><text><body><conceptEntry id="1"><langSec xml:lang="en"><termSec><term>${body}</term></termSec></langSec></conceptEntry></body></text></tbx>`;

const MEMORY_AND_GLOSSARY: Case[] = [
  ['tmx: deeply nested <hi>', (n) => () => parseTmx(tmx(nest('<hi>', '</hi>', n)), PAIR, '2026-01-01T00:00:00Z')],
  ['tmx: entity-like text', (n) => () => parseTmx(tmx(fill('&amp;&#38;', n)), PAIR, '2026-01-01T00:00:00Z')],
  ['tmx: many attributes', (n) => () => parseTmx(`<tmx ${lines((i) => `a${i}="1"`, n).replace(/\n/g, ' ')}><body/></tmx>`, PAIR, '2026-01-01T00:00:00Z')],
  ['tbx: deeply nested elements', (n) => () => parseTbx(tbx(nest('<hi>', '</hi>', n)), PAIR)],
  ['csv: a run of quotes', (n) => () => parseGlossaryCsv('source,target\n' + fill('"', n))],
  ['csv: many short rows', (n) => () => parseGlossaryCsv('source,target\n' + fill('a,b\n', n))],
  ['csv: one row of many fields', (n) => () => parseGlossaryCsv('source,target\n' + fill('a,', n))],
];

const docx = (body: (size: number) => string) => (size: number): Run => {
  const bytes = makeZip(docxParts(body(size)));
  return () => parseImportFile({ fileName: 'a.docx', bytes });
};

const DOCX: Case[] = [
  ['docx: many runs in one paragraph', docx((n) => `<w:p>${fill('<w:r><w:t>a</w:t></w:r>', n)}</w:p>`)],
  ['docx: deeply nested elements', docx((n) => `<w:p>${nest('<w:sdt><w:sdtContent>', '</w:sdtContent></w:sdt>', n)}</w:p>`)],
  ['docx: entity-like text', docx((n) => `<w:p><w:r><w:t>${fill('&amp;&#38;', n)}</w:t></w:r></w:p>`)],
  ['docx: one cell merged down every row', docx((n) => `<w:tbl>${fill('<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr>', n)}</w:tbl>`)],
  ['docx: many cells in one row', docx((n) => `<w:tbl><w:tr>${fill('<w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p/></w:tc>', n)}</w:tr></w:tbl>`)],
  ['docx: text boxes in text boxes', docx((n) => `<w:p>${nest('<w:r><w:pict><w:txbxContent><w:p>', '</w:p></w:txbxContent></w:pict></w:r>', n)}</w:p>`)],
  ['docx: many note references', docx((n) => `<w:p><w:r><w:t>a</w:t></w:r>${fill('<w:r><w:footnoteReference w:id="1"/></w:r>', n)}</w:p>`)],
];

/** Milliseconds of one run; a ServiceError is a clear refusal (its code is the outcome), anything else fails. */
async function timed(run: Run): Promise<{ ms: number; outcome: string }> {
  const start = performance.now();
  let outcome = 'imported';
  try {
    await run();
  } catch (e) {
    if (!(e instanceof ServiceError)) throw e;
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
  it.each([...MARKDOWN, ...TEXT, ...HTML, ...XLIFF, ...MEMORY_AND_GLOSSARY, ...DOCX])('%s', async (name, make) => {
    const { half, full, outcome } = await measure(make);
    console.log(`${name}: ${SIZE / 2000} KB ${half.toFixed(0)} ms, ${SIZE / 1000} KB ${full.toFixed(0)} ms (${outcome})`);
    expect(full).toBeLessThanOrEqual(3 * half + NOISE_MS);
  }, 120_000);
});
