/** Runs QA checks over a paragraph; the built-ins plus any a feature adds. */
import { BUILT_IN_QA_CHECKS } from './checks.js';
import type { QaCheck, QaContext, QaIssue } from './types.js';

export function runQa(ctx: QaContext, extraChecks: readonly QaCheck[] = []): QaIssue[] {
  const issues: QaIssue[] = [];
  for (const check of [...BUILT_IN_QA_CHECKS, ...extraChecks]) issues.push(...check.run(ctx));
  // Errors first, so the most important reason is read first.
  return issues.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

export function qaErrors(issues: readonly QaIssue[]): QaIssue[] {
  return issues.filter((i) => i.severity === 'error');
}

export type { QaCheck, QaContext, QaIssue, QaSeverity } from './types.js';
