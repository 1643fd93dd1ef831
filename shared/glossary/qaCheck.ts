/**
 * The glossary's QA check (an error, so it joins the sign-off gate): a paragraph whose source has
 * a term must use the term's translation, and must not use one of its forbidden variants.
 */
import type { QaCheck, QaIssue } from '../qa/types.js';
import { TextMatcher, termsIn } from './match.js';
import { TermIndex } from './termIndex.js';
import type { MatchableTerm } from './types.js';

export const GLOSSARY_CHECK_ID = 'glossary';

export function glossaryIssues(
  ctx: { source: string; target: string; sourceLang: string; targetLang: string },
  terms: readonly MatchableTerm[],
): QaIssue[] {
  if (ctx.target.trim() === '' || terms.length === 0) return [];
  const used = termsIn(ctx.source, terms, ctx.sourceLang);
  if (used.length === 0) return [];
  const target = new TextMatcher(ctx.target, ctx.targetLang);
  const issues: QaIssue[] = [];
  for (const term of used) {
    const wanted = target.find(term.target, term.caseSensitive);
    if (wanted.length === 0) {
      issues.push({
        checkId: GLOSSARY_CHECK_ID,
        severity: 'error',
        code: 'glossaryTermMissing',
        params: { source: term.source, target: term.target },
      });
    }
    for (const variant of term.forbidden) {
      // A variant inside the wanted term itself ("Unión" in "Unión Europea") is not a use of it.
      const uses = target.find(variant, term.caseSensitive).filter((v) => !wanted.some((w) => w.start <= v.start && v.end <= w.end));
      if (uses.length > 0) {
        issues.push({
          checkId: GLOSSARY_CHECK_ID,
          severity: 'error',
          code: 'glossaryForbidden',
          params: { variant, source: term.source, target: term.target },
        });
      }
    }
  }
  return issues;
}

/** The check over a fixed set of terms (the document's language pair), indexed once by first word. */
export function glossaryQaCheck<T extends MatchableTerm>(terms: readonly T[], index: TermIndex<T> = new TermIndex(terms)): QaCheck {
  return { id: GLOSSARY_CHECK_ID, run: (ctx) => glossaryIssues(ctx, index.candidates(ctx.source)) };
}
