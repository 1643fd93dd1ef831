/** Figures of a document's dashboard: paragraphs and words by status, post-editing effort, most-edited paragraphs. */
import type { EditEffort } from '../features/workflowApi.js';
import { PARAGRAPH_STATUSES, type DocumentDetail, type ParagraphStatus } from '../types.js';
import { paragraphEffort, words } from './effort.js';

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

export function documentMetrics(doc: DocumentDetail, effort: readonly EditEffort[], top = 5): DocumentMetrics {
  const effortOf = new Map(effort.map((e) => [e.paragraphId, e]));
  const byStatus = PARAGRAPH_STATUSES.map((status) => ({ status, paragraphs: 0, words: 0 }));
  const per: ParagraphMetrics[] = [];
  let totalWords = 0;
  for (const p of doc.paragraphs) {
    const n = words(p.source, doc.sourceLang).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    totalWords += n;
    const row = byStatus.find((s) => s.status === p.status)!;
    row.paragraphs++;
    row.words += n;
    if (p.mt && p.target.trim() !== '') {
      const e = paragraphEffort(p.mt.text, p.target, doc.targetLang);
      const spent = effortOf.get(p.id);
      per.push({ paragraphId: p.id, number: p.index + 1, ...e, activeMs: spent?.activeMs ?? 0, keystrokes: spent?.keystrokes ?? 0 });
    }
  }
  return {
    byStatus,
    totalParagraphs: doc.paragraphs.length,
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
