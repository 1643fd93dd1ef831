/** Figures of a document's dashboard: paragraphs and words by status, post-editing effort, most-edited paragraphs. */
import type { EditEffort } from '../features/workflowApi.js';
import { PARAGRAPH_STATUSES, type DocumentDetail, type Paragraph, type ParagraphStatus } from '../types.js';
import { paragraphEffort, words, type ParagraphEffort } from './effort.js';

export interface ParagraphMetrics {
  paragraphId: string;
  number: number;
  charDistance: number;
  hter: number | null;
  activeMs: number;
  keystrokes: number;
}

export interface DocumentMetrics {
  byStatus: { status: ParagraphStatus; paragraphs: number; words: number }[];
  totalParagraphs: number;
  /** Source words. */
  totalWords: number;
  /** Paragraphs with a machine translation and a translation now (the base of the averages). */
  measured: number;
  averageCharDistance: number | null;
  averageHter: number | null;
  activeMs: number;
  keystrokes: number;
  /** Most edited first (by character edit distance from the MT); only paragraphs that changed. */
  mostEdited: ParagraphMetrics[];
}

const average = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

/** What one paragraph adds to the figures (computed once per paragraph object by the dashboard). */
export interface ParagraphFigures {
  /** Source words. */
  words: number;
  /** Effort from the MT to the translation, when there are both. */
  effort: ParagraphEffort | null;
}

export function paragraphFigures(p: Paragraph, sourceLang: string, targetLang: string): ParagraphFigures {
  return {
    words: words(p.source, sourceLang).filter((w) => /[\p{L}\p{N}]/u.test(w)).length,
    effort: p.mt && p.target.trim() !== '' ? paragraphEffort(p.mt.text, p.target, targetLang) : null,
  };
}

/** The document's figures from each paragraph's (`figures[i]` belongs to `paragraphs[i]`). */
export function aggregateMetrics(
  paragraphs: readonly Paragraph[],
  figures: readonly ParagraphFigures[],
  effort: readonly EditEffort[],
  top = 5,
): DocumentMetrics {
  const effortOf = new Map(effort.map((e) => [e.paragraphId, e]));
  const byStatus = PARAGRAPH_STATUSES.map((status) => ({ status, paragraphs: 0, words: 0 }));
  const per: ParagraphMetrics[] = [];
  let totalWords = 0;
  paragraphs.forEach((p, i) => {
    const f = figures[i]!;
    totalWords += f.words;
    const row = byStatus.find((s) => s.status === p.status)!;
    row.paragraphs++;
    row.words += f.words;
    if (f.effort) {
      const spent = effortOf.get(p.id);
      per.push({ paragraphId: p.id, number: p.index + 1, ...f.effort, activeMs: spent?.activeMs ?? 0, keystrokes: spent?.keystrokes ?? 0 });
    }
  });
  return {
    byStatus,
    totalParagraphs: paragraphs.length,
    totalWords,
    measured: per.length,
    averageCharDistance: average(per.map((p) => p.charDistance)),
    averageHter: average(per.flatMap((p) => (p.hter === null ? [] : [p.hter]))),
    activeMs: effort.reduce((a, e) => a + e.activeMs, 0),
    keystrokes: effort.reduce((a, e) => a + e.keystrokes, 0),
    mostEdited: per
      .filter((p) => p.charDistance > 0)
      .sort((a, b) => b.charDistance - a.charDistance || a.number - b.number)
      .slice(0, top),
  };
}

export function documentMetrics(doc: DocumentDetail, effort: readonly EditEffort[], top = 5): DocumentMetrics {
  const figures = doc.paragraphs.map((p) => paragraphFigures(p, doc.sourceLang, doc.targetLang));
  return aggregateMetrics(doc.paragraphs, figures, effort, top);
}
