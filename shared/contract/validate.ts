/**
 * Runtime checks derived from the contract: every payload is validated on the main side before a
 * service sees it (validateInput), and, in checking mode (tests, e2e), every value a service
 * returns is validated against its output schema (checkOutput).
 */
import type { z } from 'zod';
import { apiContract, type MethodInput, type MethodName } from '../api.js';
import { textIssueOf, type TextIssue } from '../safeText.js';

export type ValidationResult<M extends MethodName> =
  { ok: true; value: MethodInput<M> } | { ok: false; issues: string[]; textIssue?: TextIssue };

function readable(issues: readonly z.core.$ZodIssue[], root: string): string[] {
  return issues.map((i) => `${i.path.join('.') || root}: ${i.message}`);
}

/** Validates `input` for `method`; returns readable issue strings (path: message) on failure. */
export function validateInput<M extends MethodName>(method: M, input: unknown): ValidationResult<M> {
  const schema = apiContract[method].input as unknown as z.ZodType<MethodInput<M>>;
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const textIssue = textIssueOf(parsed.error.issues);
  return { ok: false, issues: readable(parsed.error.issues, '(payload)'), ...(textIssue ? { textIssue } : {}) };
}

/** Null when `value` matches `method`'s output schema, else what does not (path: message). */
export function checkOutput(method: MethodName, value: unknown): string[] | null {
  const parsed = (apiContract[method].output as z.ZodType).safeParse(value);
  return parsed.success ? null : readable(parsed.error.issues, '(value)');
}
