/**
 * Runs a per-paragraph computation over a whole document in short slices, so a 10,000-paragraph
 * document never blocks the window for long (the document QA list, the dashboard). `compute`
 * should remember its results per paragraph object (see workflow/paragraphQa.ts): after an edit
 * only the changed paragraph costs anything, and the pass ends in its first slice.
 */
import { useEffect, useState } from 'react';
import type { Paragraph } from '../../../shared/types.js';

/** Longest slice of work before the pass yields to the event loop (ms). */
export const SLICE_MS = 8;

export interface ParagraphPass<T> {
  /** The paragraphs the results belong to (the document may have changed since). */
  paragraphs: readonly Paragraph[];
  results: readonly T[];
}

/**
 * The results of the last complete pass with this `compute` (null before the first one ends, or
 * while `enabled` is false); a newer pass replaces them when it is complete.
 */
export function useParagraphPass<T>(
  paragraphs: readonly Paragraph[],
  compute: (p: Paragraph) => T,
  enabled = true,
): ParagraphPass<T> | null {
  const [done, setDone] = useState<{ pass: ParagraphPass<T>; compute: (p: Paragraph) => T } | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const results: T[] = new Array<T>(paragraphs.length);
    let i = 0;
    const slice = (): void => {
      timer = null;
      const until = performance.now() + SLICE_MS;
      while (i < paragraphs.length) {
        results[i] = compute(paragraphs[i]!);
        i++;
        if (i < paragraphs.length && performance.now() > until) {
          timer = setTimeout(slice, 0);
          return;
        }
      }
      setDone({ pass: { paragraphs, results }, compute });
    };
    // The first slice too waits for the current task to end (opening a document paints first).
    timer = setTimeout(slice, 0);
    return () => {
      if (timer !== null) clearTimeout(timer);
    };
  }, [paragraphs, compute, enabled]);
  return enabled && done !== null && done.compute === compute ? done.pass : null;
}
