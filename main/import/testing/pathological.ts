/**
 * Tests and benchmarks only: pathological article files of a chosen size, one per importer
 * weakness worth guarding (Markdown delimiters and brackets, unclosed and nested HTML, XLIFF
 * nesting and attributes, DOCX runs and nesting), and one ordinary article per format as the
 * baseline to compare them with.
 */
import { docxParts, makeZip } from './zipWriter.js';

export interface PathologicalFile {
  name: string;
  fileName: string;
  make: (size: number) => Buffer;
}

/** `unit` repeated to about `size` characters. */
export const fill = (unit: string, size: number): string => unit.repeat(Math.max(1, Math.floor(size / unit.length)));
export const nest = (open: string, close: string, size: number): string => {
  const n = Math.floor(size / (open.length + close.length));
  return open.repeat(n) + 'x' + close.repeat(n);
};
export const lines = (line: (i: number) => string, size: number): string => {
  const out: string[] = [];
  for (let i = 0, len = 0; len < size; i++) {
    out.push(line(i));
    len += out[out.length - 1]!.length + 1;
  }
  return out.join('\n');
};

const text = (name: string, fileName: string, make: (size: number) => string): PathologicalFile => ({
  name,
  fileName,
  make: (n) => Buffer.from(make(n)),
});

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
  ['links', '[a](b) '],
  ['emphasis', '*a* '],
];

export const MARKDOWN_FILES: PathologicalFile[] = [
  ...MARKDOWN_UNITS.map(([name, unit]) => text(`md: ${name} as one block`, 'a.md', oneBlock(unit))),
  ...MARKDOWN_UNITS.map(([name, unit]) => text(`md: ${name} in blocks`, 'a.md', inBlocks(unit))),
  text('md: deeply nested quotes, line by line', 'a.md', (n) => lines((i) => '>'.repeat(i % 90) + ' x', n)),
  text('md: nested list items', 'a.md', (n) => lines((i) => ' '.repeat(2 * (i % 60)) + '- x', n)),
  text('md: many short paragraphs', 'a.md', (n) => fill('**a** [b](c)\n\n', n)),
];

export const TEXT_FILES: PathologicalFile[] = [
  text('txt: blank lines', 'a.txt', (n) => fill('\n', n)),
  text('txt: one long line of spaces and words', 'a.txt', (n) => fill('a ', n)),
  text('txt: invisible characters', 'a.txt', (n) => fill('\u200b\n', n)),
];

export const HTML_FILES: PathologicalFile[] = [
  text('html: deeply nested divs', 'a.html', (n) => nest('<div>', '</div>', n)),
  text('html: unclosed tags', 'a.html', (n) => fill('<p><b><i>', n)),
  text('html: unclosed tags with text', 'a.html', (n) => fill('<p><b><i>x', n)),
  text('html: many attributes', 'a.html', (n) => `<p ${fill('a=1 ', n)}>x</p>`),
  text('html: entity-like text', 'a.html', (n) => `<p>${fill('&amp;&#', n)}</p>`),
  text('html: a run of <', 'a.html', (n) => fill('<', n)),
  text('html: unclosed comment', 'a.html', (n) => '<!--' + fill('-', n)),
  text(
    'html: many paragraphs under a deep chain',
    'a.html',
    (n) => Array.from({ length: 200 }, (_, i) => `<font a=${i}>`).join('') + fill('<p>x', n),
  ),
  text(
    'html: unclosed formatting of many kinds',
    'a.html',
    (n) => '<p>' + Array.from({ length: 40 }, (_, i) => `<font color=${i}>`).join('') + fill('<p>y', n),
  ),
];

const xliff = (body: string): string =>
  `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en"><body><trans-unit id="1"><source>${body}</source></trans-unit></body></file></xliff>`;

export const XLIFF_FILES: PathologicalFile[] = [
  text('xliff: deeply nested <g>', 'a.xlf', (n) => xliff(nest('<g id="1">', '</g>', n))),
  text('xliff: many attributes', 'a.xlf', (n) => xliff(`<x ${lines((i) => `a${i}="1"`, n).replace(/\n/g, ' ')}/>`)),
  text('xliff: entity-like text', 'a.xlf', (n) => xliff(fill('&amp;&#38;', n))),
  text('xliff: a run of <', 'a.xlf', (n) => fill('<', n)),
];

const docx = (name: string, body: (size: number) => string): PathologicalFile => ({
  name,
  fileName: 'a.docx',
  make: (n) => makeZip(docxParts(body(n))),
});

export const DOCX_FILES: PathologicalFile[] = [
  docx('docx: many runs in one paragraph', (n) => `<w:p>${fill('<w:r><w:t>a</w:t></w:r>', n)}</w:p>`),
  docx('docx: deeply nested elements', (n) => `<w:p>${nest('<w:sdt><w:sdtContent>', '</w:sdtContent></w:sdt>', n)}</w:p>`),
  docx('docx: entity-like text', (n) => `<w:p><w:r><w:t>${fill('&amp;&#38;', n)}</w:t></w:r></w:p>`),
  docx(
    'docx: one cell merged down every row',
    (n) => `<w:tbl>${fill('<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr>', n)}</w:tbl>`,
  ),
  docx(
    'docx: many cells in one row',
    (n) =>
      `<w:tbl><w:tr>${fill('<w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p/></w:tc>', n)}</w:tr></w:tbl>`,
  ),
  docx(
    'docx: text boxes in text boxes',
    (n) => `<w:p>${nest('<w:r><w:pict><w:txbxContent><w:p>', '</w:p></w:txbxContent></w:pict></w:r>', n)}</w:p>`,
  ),
  docx('docx: many note references', (n) => `<w:p><w:r><w:t>a</w:t></w:r>${fill('<w:r><w:footnoteReference w:id="1"/></w:r>', n)}</w:p>`),
];

/** Every pathological article file, in the order above. */
export const PATHOLOGICAL_FILES: PathologicalFile[] = [...MARKDOWN_FILES, ...TEXT_FILES, ...HTML_FILES, ...XLIFF_FILES, ...DOCX_FILES];

// ---- Ordinary articles of the same size: the baseline

const SENTENCES = [
  'The council voted on Tuesday to extend the night bus service to the northern districts.',
  'Officials said the change would cost about 2.4 million euros a year.',
  'Residents had asked for the extension since the metro line closed for repairs last spring.',
  'Opposition members argued that the money should go to road maintenance instead.',
  'The first buses are expected to run in March, subject to a final budget review.',
];

/** The n-th paragraph of an ordinary article: a few sentences, one link and one emphasis in every other one. */
function prose(i: number, format: 'md' | 'html' | 'txt'): string {
  const s = [0, 1, 2].map((k) => SENTENCES[(i + k) % SENTENCES.length]!).join(' ');
  if (format === 'txt' || i % 2 === 1) return s;
  return format === 'md'
    ? `${s} See [the report](https://news.example/r/${i}) and *the map*.`
    : `${s} See <a href="https://news.example/r/${i}">the report</a> and <em>the map</em>.`;
}

function paragraphs(format: 'md' | 'html' | 'txt', size: number): string[] {
  const out: string[] = [];
  for (let i = 0, len = 0; len < size; i++) {
    out.push(prose(i, format));
    len += out[out.length - 1]!.length + 9;
  }
  return out;
}

/** An ordinary article of about `size` characters in the format of `fileName`. */
export function ordinaryArticle(fileName: string, size: number): Buffer {
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1);
  if (ext === 'md') return Buffer.from('# Night buses\n\n' + paragraphs('md', size).join('\n\n'));
  if (ext === 'html')
    return Buffer.from(
      `<!doctype html><html lang="en"><head><title>Night buses</title></head><body><article><h1>Night buses</h1>${paragraphs('html', size)
        .map((p) => `<p>${p}</p>`)
        .join('\n')}</article></body></html>`,
    );
  if (ext === 'xlf') return Buffer.from(xliffUnits(paragraphs('txt', size)));
  if (ext === 'docx')
    return makeZip(
      docxParts(
        paragraphs('txt', size)
          .map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`)
          .join(''),
      ),
    );
  return Buffer.from('Night buses\n\n' + paragraphs('txt', size).join('\n\n'));
}

function xliffUnits(sources: string[]): string {
  const units = sources.map((s, i) => `<trans-unit id="${i + 1}"><source>${s}</source></trans-unit>`).join('');
  return `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="es" datatype="plaintext" original="a"><body>${units}</body></file></xliff>`;
}
