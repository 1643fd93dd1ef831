/**
 * One declaration per API method (issue 15, item 2): every method is declared in exactly one
 * feature contract, and nothing else in the tree lists method names by hand (no `*_METHODS`
 * arrays, no per-method schema tables, no interface restating a method).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURE_CONTRACTS, METHOD_NAMES, apiContract, isMethodName } from '../shared/api.js';

const root = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(rel);
    return /\.(ts|tsx)$/.test(e.name) ? [rel] : [];
  });
}

const TREE = ['shared', 'main', 'renderer/src'].flatMap(sourceFiles);

/** Contract files declare methods; everything else may only use them. */
const isContract = (file: string) => /^shared\/features\/[a-z]+Contract\.ts$/.test(file) || file === 'shared/api.ts';

/** Where a file names at least three API methods as string literals in one array (a hand-written method list). */
export function methodNameArrays(text: string, names: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\[([^[\]]*)\]/g)) {
    const literals = [...match[1]!.matchAll(/['"]([A-Za-z]+)['"]/g)].map((m) => m[1]!).filter((n) => names.has(n));
    if (literals.length >= 3) found.push(literals.slice(0, 3).join(', '));
  }
  return found;
}

/** Where a file declares methods as an interface or schema table: `name(input: …): Promise<…>` or `name: z.…` for three or more API methods. */
export function methodDeclarations(text: string, names: ReadonlySet<string>): string[] {
  const declared = new Set<string>();
  for (const m of text.matchAll(/^\s*(?:async\s+)?([A-Za-z]+)\s*(?:\(\s*input\s*:[^)]*\)\s*:\s*Promise<|:\s*z\s*\.)/gm)) {
    if (names.has(m[1]!)) declared.add(m[1]!);
  }
  return declared.size >= 3 ? [...declared] : [];
}

describe('the API contract', () => {
  const names = new Set<string>(METHOD_NAMES);

  it('declares every method in exactly one feature contract', () => {
    const owners = new Map<string, string[]>();
    for (const [feature, contract] of Object.entries(FEATURE_CONTRACTS)) {
      for (const method of Object.keys(contract)) owners.set(method, [...(owners.get(method) ?? []), feature]);
    }
    const twice = [...owners].filter(([, features]) => features.length !== 1);
    expect(twice).toEqual([]);
    // The whole API is exactly the union of the features (a spread cannot hide a duplicate).
    expect([...owners.keys()].sort()).toEqual(Object.keys(apiContract).sort());
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(apiContract).sort());
    expect(METHOD_NAMES.length).toBeGreaterThan(50);
  });

  it('gives every method an input and an output schema', () => {
    for (const method of METHOD_NAMES) {
      const spec = apiContract[method];
      expect(typeof spec.input.safeParse, method).toBe('function');
      expect(typeof spec.output.safeParse, method).toBe('function');
    }
  });

  it('allows only declared methods (no inherited or prototype names)', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '', 42, null]) {
      expect(isMethodName(name), String(name)).toBe(false);
    }
    expect(isMethodName('getDocument')).toBe(true);
  });

  it('leaves no hand-written method list or second declaration anywhere else in the tree', () => {
    const offenders: string[] = [];
    for (const file of TREE) {
      if (isContract(file) || file.endsWith('.test.ts') || file.endsWith('.test.tsx')) continue;
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      for (const list of methodNameArrays(text, names)) offenders.push(`${file}: method list [${list}, …]`);
      for (const decl of methodDeclarations(text, names)) offenders.push(`${file}: declares ${decl}`);
      if (/export const [A-Z_]+_METHODS\b/.test(text)) offenders.push(`${file}: exports a *_METHODS list`);
    }
    expect(offenders).toEqual([]);
    expect(TREE.filter((f) => /Schemas\.ts$|schemaMap\.ts$|^shared\/schemas\.ts$/.test(f))).toEqual([]);
  });

  it('the scan finds a hand-written list and a restated interface (it can fail)', () => {
    expect(methodNameArrays(`const M = ['getDocument', 'listDocuments', 'cancelJob'] as const;`, names)).toHaveLength(1);
    expect(methodNameArrays(`const a = ['getDocument', 'x'];`, names)).toEqual([]);
    const iface = `interface A {\n  getDocument(input: { documentId: string }): Promise<D>;\n  listDocuments(input: {}): Promise<D[]>;\n  cancelJob(input: { jobId: string }): Promise<X>;\n}`;
    expect(methodDeclarations(iface, names)).toEqual(['getDocument', 'listDocuments', 'cancelJob']);
    const table = `const s = {\n  getDocument: z.object({}),\n  listDocuments: z.object({}),\n  cancelJob: z.object({}),\n};`;
    expect(methodDeclarations(table, names)).toHaveLength(3);
  });
});
