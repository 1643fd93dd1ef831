/**
 * The zod-first API contract: each feature declares its methods once, as one object
 * `{ methodName: { input, output, errors } }` (shared/features/*Contract.ts). Everything else is derived:
 * the TypeScript interface services implement (`ApiOf`), the runtime allowlist (the keys), the
 * dispatcher's input validation and, in checking mode, output validation (validate.ts), and the
 * renderer's client (a loop over the keys).
 */
import { z } from 'zod';
import type { ErrorCode } from '../errors.js';

/**
 * One method: the schema of its one argument and of what it resolves to, and the error codes it
 * may fail with besides `ANY_METHOD_ERRORS` (checked in checking mode). Every method lists them,
 * `[]` when it cannot fail otherwise; a method without `errors` is refused at compile time and by
 * `mergeContracts`.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly errors: readonly ErrorCode[];
}

/** Codes any call may end with: the dispatcher's own, and the library file's (storage). */
export const ANY_METHOD_ERRORS = [
  'BAD_REQUEST',
  'UNKNOWN_METHOD',
  'INTERNAL',
  'TEXT_CONTROL_CHARACTER',
  'LIBRARY_DAMAGED',
  'LIBRARY_IN_USE',
  'STORAGE_FULL',
  'STORAGE_READ_ONLY',
  'STORAGE_BUSY',
] as const satisfies readonly ErrorCode[];

/** A feature's methods. */
export type Contract = { readonly [method: string]: MethodSpec };

/** The interface a contract describes: one async method per key, typed by its schemas. */
export type ApiOf<C extends Contract> = {
  [M in keyof C]: (input: z.output<C[M]['input']>) => Promise<z.output<C[M]['output']>>;
};

/** True when A and B are the same type (not merely assignable: a missing optional field counts). */
export type Equals<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;

/** T with intersections and interfaces flattened to plain object types, deeply (for `Equals`). */
export type Normalized<T> = T extends readonly (infer U)[] ? Normalized<U>[] : T extends object ? { [K in keyof T]: Normalized<T[K]> } : T;

/**
 * A schema for the domain type T, checked at compile time to describe exactly T (same fields, same
 * optionality, same unions): `exactly<Paragraph>()(z.object({...}))`. A field added to T and not to
 * its schema (or the reverse) is a type error here, so the schemas cannot drift from the types.
 */
export function exactly<T>() {
  return <S extends z.ZodType>(
    schema: S & (Equals<Normalized<z.output<S>>, Normalized<T>> extends true ? unknown : { readonly schemaDoesNotMatch: T }),
  ): z.ZodType<T> => schema as unknown as z.ZodType<T>;
}

type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** All features' methods in one contract; a method declared by two features is refused at once. */
export function mergeContracts<F extends Record<string, Contract>>(features: F): Intersection<F[keyof F]> {
  const merged: Record<string, MethodSpec> = {};
  for (const [feature, contract] of Object.entries(features)) {
    for (const [method, spec] of Object.entries(contract)) {
      if (Object.hasOwn(merged, method)) throw new Error(`API method ${method} is declared twice (again by ${feature})`);
      if (!Array.isArray(spec.errors)) throw new Error(`API method ${method} (${feature}) lists no errors`);
      merged[method] = spec;
    }
  }
  return merged as Intersection<F[keyof F]>;
}
