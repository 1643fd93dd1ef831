/** The DOCX writer's Word structure (issue 14) on edge cases the round trip does not reach. */
import { describe, expect, it } from 'vitest';
import type { ExportParagraph } from '../model.js';
import { docxParts } from '../testing/docxParagraphs.js';
import { sampleExport, sampleParagraphs } from '../testing/sampleExport.js';
import { writeDocx } from './docx.js';

const base = sampleParagraphs()[1]!;
const p = (id: string, target: string, place?: ExportParagraph['place']): ExportParagraph => ({
  ...base,
  id,
  source: target,
  target,
  codes: [],
  ...(place ? { place } : {}),
});
const cell = (row: number, col: number, extra: { colSpan?: number; rowSpan?: number } = {}) =>
  ({ kind: 'cell', table: 1, row, col, colSpan: extra.colSpan ?? 1, rowSpan: extra.rowSpan ?? 1, rows: 2, cols: 2 }) as const;

async function xmlOf(paragraphs: ExportParagraph[]) {
  return docxParts(await writeDocx(sampleExport({ paragraphs, footer: null, draftNotice: null })));
}

describe('DOCX export of Word structure', () => {
  it('writes a note whose reference paragraph is not exported as ordinary paragraphs at the end, never dropping it', async () => {
    const parts = await xmlOf([p('a', 'Body.'), p('n', 'Orphan note.', { kind: 'footnote', note: 1, refParagraphId: 'gone' })]);
    expect(parts['word/document.xml']).toContain('Orphan note.');
    expect(parts['word/document.xml']).not.toContain('w:footnoteReference');
  });

  it('fills cells with nothing exported as empty cells and keeps a table of one merged cell', async () => {
    const parts = await xmlOf([
      p('a', 'Before.'),
      p('c1', 'Wide', cell(0, 0, { colSpan: 2 })),
      p('c2', 'Bottom right', cell(1, 1)),
      p('z', 'After.'),
    ]);
    const body = parts['word/document.xml']!;
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(body)![0];
    expect(table.match(/<w:tr>/g)).toHaveLength(2);
    expect(table.match(/<w:tc>/g)).toHaveLength(3); // Wide, an empty cell, Bottom right
    expect(body.indexOf('Before.')).toBeLessThan(body.indexOf('<w:tbl>'));
    expect(body.indexOf('After.')).toBeGreaterThan(body.indexOf('</w:tbl>'));
  });

  it('numbers notes again from 1 in the order they come and puts each reference at the end of its paragraph', async () => {
    const parts = await xmlOf([
      p('a', 'First claim.'),
      p('b', 'Second claim.'),
      p('n7', 'Second source.', { kind: 'footnote', note: 7, refParagraphId: 'b' }),
      p('n3', 'First source.', { kind: 'footnote', note: 3, refParagraphId: 'a' }),
    ]);
    const body = parts['word/document.xml']!;
    expect(body).toMatch(/Second claim\.<\/w:t><\/w:r><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:footnoteReference w:id="1"\/>/);
    expect(body).toMatch(/First claim\.<\/w:t><\/w:r><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:footnoteReference w:id="2"\/>/);
    expect(parts['word/footnotes.xml']).toMatch(/w:id="1"[\s\S]*Second source\.[\s\S]*w:id="2"[\s\S]*First source\./);
  });
});
