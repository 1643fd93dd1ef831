/** Runs QA checks over a paragraph; the built-ins plus any a feature adds. */
import { stripTokens } from '../inline/inlineCodes.js';
import { BUILT_IN_QA_CHECKS } from './checks.js';
import { tokensCheck } from './tokenCheck.js';
import type { QaCheck, QaContext, QaIssue } from './types.js';

export function runQa(ctx: QaContext, extraChecks: readonly QaCheck[] = []): QaIssue[] {
  const issues: QaIssue[] = [];
  // Inline tokens are checked on their own; every other check reads the text without them.
  issues.push(...tokensCheck.run(ctx));
  const plain: QaContext = {
    ...ctx,
    source: stripTokens(ctx.source),
    target: stripTokens(ctx.target),
    mt: ctx.mt && { ...ctx.mt, text: stripTokens(ctx.mt.text) },
  };
  for (const check of [...BUILT_IN_QA_CHECKS, ...extraChecks]) issues.push(...check.run(plain));
  // Errors first, so the most important reason is read first.
  return issues.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

export function qaErrors(issues: readonly QaIssue[]): QaIssue[] {
  return issues.filter((i) => i.severity === 'error');
}

export type { QaCheck, QaContext, QaIssue } from './types.js';
