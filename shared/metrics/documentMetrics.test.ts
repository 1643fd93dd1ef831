import { describe, expect, it } from 'vitest';
import type { DocumentDetail, Paragraph, ParagraphStatus } from '../types.js';
import { documentMetrics } from './documentMetrics.js';

function para(index: number, source: string, target: string, status: ParagraphStatus, mt: string | null): Paragraph {
  return {
    id: `p${index}`,
    documentId: 'd',
    index,
    kind: 'paragraph',
    marker: null,
    source,
    target,
    status,
    mt:
      mt === null
        ? null
        : { text: mt, engineId: 'e', engineVersion: '1', sourceLang: 'en', targetLang: 'es', createdAt: 'a', unknownWords: [] },
    signOff: null,
    updatedAt: 'a',
  };
}

const doc: DocumentDetail = {
  id: 'd',
  title: 'T',
  sourceLang: 'en',
  targetLang: 'es',
  createdAt: 'a',
  updatedAt: 'a',
  paragraphCount: 4,
  signedOffCount: 0,
  paragraphs: [
    para(0, 'The house is red.', 'La vivienda es muy roja.', 'edited', 'La casa es roja.'),
    para(1, 'The dog is small.', 'El perro es pequeño.', 'translated', 'El perro es pequeño.'),
    para(2, 'Kitten.', 'sitting', 'translated', 'kitten'),
    para(3, 'Not yet.', '', 'new', null),
  ],
};

describe('documentMetrics', () => {
  it('counts paragraphs and source words by status and averages the effort over MT paragraphs', () => {
    const m = documentMetrics(doc, [
      { paragraphId: 'p0', activeMs: 4000, keystrokes: 30 },
      { paragraphId: 'p2', activeMs: 1000, keystrokes: 7 },
    ]);
    expect(m.byStatus).toEqual([
      { status: 'new', paragraphs: 1, words: 2 },
      { status: 'machine', paragraphs: 0, words: 0 },
      { status: 'edited', paragraphs: 1, words: 4 },
      { status: 'translated', paragraphs: 2, words: 5 },
      { status: 'signed-off', paragraphs: 0, words: 0 },
    ]);
    expect(m.totalWords).toBe(11);
    expect(m.measured).toBe(3);
    // 'La casa es roja.' → 'La vivienda es muy roja.': Levenshtein 11 (checked independently) over 24 characters.
    const first = 11 / 24;
    expect(m.averageCharDistance).toBeCloseTo((first + 0 + 3 / 7) / 3);
    expect(m.averageHter).toBeCloseTo((2 / 6 + 0 + 1) / 3);
    expect(m.activeMs).toBe(5000);
    expect(m.keystrokes).toBe(37);
    expect(m.mostEdited.map((p) => [p.number, p.keystrokes])).toEqual([
      [1, 30],
      [3, 7],
    ]);
    expect(m.mostEdited[0]!.charDistance).toBeCloseTo(first);
  });
  it('has no averages without machine translation', () => {
    const m = documentMetrics({ ...doc, paragraphs: [doc.paragraphs[3]!] }, []);
    expect([m.averageCharDistance, m.averageHter, m.mostEdited]).toEqual([null, null, []]);
  });
});
