/**
 * Which paragraphs of a sign-off would be "fast" (under the plausible reading speed), computed in
 * the editor before the sign-off is sent, so the editor can be asked to confirm it. The service
 * computes the same thing again and records it with each sign-off.
 */
import { isFastSignOff, readingWords } from '../../../shared/features/workflowReview.js';
import type { ReviewSignal } from '../../../shared/features/workflowContract.js';

export interface SignOffCandidate {
  id: string;
  /** 1-based number shown to people. */
  number: number;
  target: string;
}

export function fastCandidates(
  candidates: readonly SignOffCandidate[],
  signals: readonly ReviewSignal[],
  targetLang: string,
): SignOffCandidate[] {
  const dwell = new Map(signals.map((s) => [s.paragraphId, s.dwellMs]));
  return candidates.filter((c) => isFastSignOff(dwell.get(c.id) ?? 0, readingWords(c.target, targetLang)));
}
