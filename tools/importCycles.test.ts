/**
 * No import circle inside shared/, type-only imports included (issue 15: the circle
 * types.ts → errors.ts → features/*Api.ts → types.ts is gone, and none may come back).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function files(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return files(rel);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [rel] : [];
  });
}

/** Relative imports and re-exports of a module, as repository paths. */
export function importsOf(file: string, text: string): string[] {
  const targets: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']+)'/gms)) {
    targets.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!.replace(/\.js$/, '.ts'))));
  }
  return targets;
}

/** Every circle in the graph (each reported once, from its smallest member). */
export function cycles(graph: Map<string, string[]>): string[][] {
  const found = new Map<string, string[]>();
  const visit = (start: string, node: string, trail: string[], seen: Set<string>): void => {
    for (const next of graph.get(node) ?? []) {
      if (next === start) {
        const min = trail.reduce((a, b) => (a < b ? a : b));
        const rotated = [...trail.slice(trail.indexOf(min)), ...trail.slice(0, trail.indexOf(min))];
        found.set(rotated.join(' → '), rotated);
      } else if (!seen.has(next) && next > start) {
        seen.add(next);
        visit(start, next, [...trail, next], seen);
        seen.delete(next);
      }
    }
  };
  for (const node of graph.keys()) visit(node, node, [node], new Set([node]));
  return [...found.values()];
}

describe('shared/ imports', () => {
  it('hold no circle', () => {
    const graph = new Map<string, string[]>();
    for (const file of files('shared')) graph.set(file, importsOf(file, fs.readFileSync(path.join(root, file), 'utf8')));
    expect(cycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('the check finds a circle, type-only imports included (it can fail)', () => {
    const a = importsOf('shared/types.ts', "import type { ErrorCode } from './errors.js';\nexport { X } from './x.js';");
    expect(a).toEqual(['shared/errors.ts', 'shared/x.ts']);
    const graph = new Map([
      ['shared/types.ts', ['shared/errors.ts']],
      ['shared/errors.ts', ['shared/features/libraryApi.ts']],
      ['shared/features/libraryApi.ts', ['shared/types.ts']],
      ['shared/leaf.ts', []],
    ]);
    expect(cycles(graph)).toEqual([['shared/errors.ts', 'shared/features/libraryApi.ts', 'shared/types.ts']]);
  });
});
