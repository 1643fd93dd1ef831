/**
 * The QA gate of a single sign-off, asked before anything else: a paragraph with QA errors goes
 * straight to the override form (one question), which also says when the sign-off is faster than
 * reading speed, instead of asking "faster than reading speed?" first and then for a reason.
 * The service runs the same checks again at sign-off (main/services/reviewService.ts).
 */
import { useCallback } from 'react';
import { qaErrors, runQa } from '../../../shared/qa/runQa.js';
import type { Paragraph } from '../../../shared/types.js';
import { useExtraQaChecks } from '../glossary/GlossaryContext.js';
import type { SignOffGate } from './OverrideForm.js';

export function useSignOffGate(
  sourceLang: string,
  targetLang: string,
): (p: Paragraph, number: number, fast: boolean) => SignOffGate | null {
  const extraChecks = useExtraQaChecks();
  return useCallback(
    (p, number, fast) => {
      const issues = qaErrors(runQa({ source: p.source, target: p.target, sourceLang, targetLang, mt: p.mt }, extraChecks));
      return issues.length === 0 ? null : { paragraphId: p.id, number, reason: 'qa', issues, fast };
    },
    [extraChecks, sourceLang, targetLang],
  );
}
