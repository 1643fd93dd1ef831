/** The shape every per-feature schema table has: one zod schema per method, typed by its input. */
import type { z } from 'zod';

export type SchemaMap<Api> = {
  [M in keyof Api]: Api[M] extends (input: infer I) => unknown ? z.ZodType<I> : never;
};
