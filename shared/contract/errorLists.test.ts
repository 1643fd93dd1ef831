import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiContract, METHOD_NAMES } from '../api.js';
import { ERROR_CODES, type ErrorCode } from '../errors.js';
import { ANY_METHOD_ERRORS, mergeContracts, type Contract, type MethodSpec } from './contract.js';

const spec = (name: string): MethodSpec => (apiContract as Record<string, MethodSpec>)[name]!;

describe('each method lists the error codes it may fail with (issue 15, item 2)', () => {
  it('every method of the API has an `errors` list', () => {
    const without = METHOD_NAMES.filter((m) => !Array.isArray(spec(m).errors));
    expect(without).toEqual([]);
    expect(METHOD_NAMES.length).toBeGreaterThanOrEqual(83);
  });

  it('lists only known codes, each once, none that any call may end with anyway', () => {
    const known = new Set<string>(ERROR_CODES);
    const anyCall = new Set<string>(ANY_METHOD_ERRORS);
    const problems = METHOD_NAMES.flatMap((m) => {
      const errors = spec(m).errors;
      return [
        ...errors.filter((c) => !known.has(c)).map((c) => `${m}: unknown ${c}`),
        ...errors.filter((c, i) => errors.indexOf(c) !== i).map((c) => `${m}: ${c} twice`),
        ...errors.filter((c) => anyCall.has(c)).map((c) => `${m}: ${c} is in ANY_METHOD_ERRORS`),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('a method declared without `errors` is refused: at compile time, and by mergeContracts at load', () => {
    const loose = { noErrors: { input: z.object({}), output: z.null() } };
    // @ts-expect-error errors is required
    const typed: Contract = loose;
    expect(() => mergeContracts({ feature: typed })).toThrow(/noErrors .*lists no errors/);
    const listed: Contract = { withErrors: { input: z.object({}), output: z.null(), errors: ['DOCUMENT_NOT_FOUND' satisfies ErrorCode] } };
    expect(Object.keys(mergeContracts({ feature: listed }))).toEqual(['withErrors']);
  });
});
