import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exactly, mergeContracts, type ApiOf, type Equals } from './contract.js';

interface Item {
  id: string;
  note?: string;
  tags: string[];
  kind: 'a' | 'b';
  parent: Item2 | null;
}
interface Item2 {
  id: string;
}

const good = z.object({
  id: z.string(),
  note: z.string().optional(),
  tags: z.array(z.string()),
  kind: z.enum(['a', 'b']),
  parent: z.object({ id: z.string() }).nullable(),
});

describe('exactly<T>()', () => {
  it('accepts a schema that describes T exactly, and it validates at run time', () => {
    const schema = exactly<Item>()(good);
    expect(schema.safeParse({ id: 'x', tags: [], kind: 'a', parent: null }).success).toBe(true);
    expect(schema.safeParse({ id: 'x', tags: [], kind: 'c', parent: null }).success).toBe(false);
  });

  it('refuses at compile time a schema that drifted from T (each line is a type error)', () => {
    // A missing optional field.
    // @ts-expect-error note is missing
    exactly<Item>()(good.omit({ note: true }));
    // An optional field made required.
    // @ts-expect-error note is required in the schema
    exactly<Item>()(good.extend({ note: z.string() }));
    // A field the type does not have.
    // @ts-expect-error extra field
    exactly<Item>()(good.extend({ extra: z.number() }));
    // A wider enum.
    // @ts-expect-error kind admits 'c'
    exactly<Item>()(good.extend({ kind: z.enum(['a', 'b', 'c']) }));
    // A nested field's nullability.
    // @ts-expect-error parent is not nullable
    exactly<Item>()(good.extend({ parent: z.object({ id: z.string() }) }));
    expect(true).toBe(true);
  });
});

describe('ApiOf', () => {
  const _contract = {
    getItem: { input: z.object({ id: z.string() }).strict(), output: exactly<Item>()(good), errors: [] },
    count: { input: z.object({}).strict(), output: z.object({ n: z.number() }), errors: [] },
  };
  type Api = ApiOf<typeof _contract>;

  it('derives one async method per key, typed by the schemas', () => {
    const ok: Equals<Parameters<Api['getItem']>[0], { id: string }> = true;
    const out: Equals<Awaited<ReturnType<Api['getItem']>>, Item> = true;
    expect([ok, out]).toEqual([true, true]);
  });
});

describe('mergeContracts', () => {
  const a = { one: { input: z.object({}), output: z.string(), errors: [] } };
  const b = { two: { input: z.object({}), output: z.number(), errors: [] } };

  it('joins the features, typed', () => {
    const merged = mergeContracts({ a, b });
    expect(Object.keys(merged)).toEqual(['one', 'two']);
    const typed: Equals<ApiOf<typeof merged>['two'], (input: Record<string, never>) => Promise<number>> = true;
    expect(typed).toBe(true);
  });

  it('refuses a method two features declare', () => {
    expect(() => mergeContracts({ a, b, again: { one: b.two } })).toThrow('API method one is declared twice (again by again)');
  });
});
