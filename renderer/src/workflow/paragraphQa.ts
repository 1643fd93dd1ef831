/**
 * The QA issues of a stored paragraph, computed once per paragraph object: paragraphs are
 * replaced (never changed in place) when they change, so after an edit only the edited paragraph
 * is checked again. The document QA list, the QA filter and F7 share one cache per document
 * language pair and set of extra checks (the glossary's).
 */
import { useMemo } from 'react';
import { runQa, type QaCheck, type QaIssue } from '../../../shared/qa/runQa.js';
import type { Paragraph } from '../../../shared/types.js';
import { useExtraQaChecks } from '../glossary/GlossaryContext.js';

export type ParagraphQa = (paragraph: Paragraph) => readonly QaIssue[];

const NO_ISSUES: readonly QaIssue[] = [];

/**
 * Only a paragraph with a translation (stored text, or a status past "new") is checked; one
 * excluded from translation is done as it is and never checked.
 */
export function qaApplies(p: Paragraph): boolean {
  return (p.target.trim() !== '' || p.status !== 'new') && p.excluded === undefined;
}

const byChecks = new WeakMap<readonly QaCheck[], Map<string, ParagraphQa>>();

export function paragraphQa(sourceLang: string, targetLang: string, extraChecks: readonly QaCheck[]): ParagraphQa {
  let perPair = byChecks.get(extraChecks);
  if (!perPair) {
    perPair = new Map();
    byChecks.set(extraChecks, perPair);
  }
  const key = `${sourceLang}\u0000${targetLang}`;
  const known = perPair.get(key);
  if (known) return known;
  const cache = new WeakMap<Paragraph, readonly QaIssue[]>();
  const qa: ParagraphQa = (p) => {
    let issues = cache.get(p);
    if (issues === undefined) {
      issues = qaApplies(p) ? runQa({ source: p.source, target: p.target, sourceLang, targetLang, mt: p.mt }, extraChecks) : NO_ISSUES;
      cache.set(p, issues);
    }
    return issues;
  };
  perPair.set(key, qa);
  return qa;
}

/** The document's paragraph QA (with the glossary's check once its terms have loaded). */
export function useParagraphQa(sourceLang: string, targetLang: string): ParagraphQa {
  const extraChecks = useExtraQaChecks();
  return useMemo(() => paragraphQa(sourceLang, targetLang, extraChecks), [sourceLang, targetLang, extraChecks]);
}
