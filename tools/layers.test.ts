// The layer rules of ARCHITECTURE.md, checked on every import in the tree:
//  - shared/ imports neither main/ nor renderer/, nor any Node or Electron module;
//  - renderer/ imports shared/ only: never main/, Node, Electron or the database;
//  - main/ never imports renderer/.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';

const root = path.resolve(__dirname, '..');
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const SHARED_ALLOWED_PACKAGES = new Set(['zod', 'diff', 'mdast-util-from-markdown', 'mdast']);
const RENDERER_FORBIDDEN_PACKAGES = new Set(['electron', 'better-sqlite3']);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(rel);
  }
  return out;
}

export function importsOf(code: string): string[] {
  const specs: string[] = [];
  const re = /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
  for (const m of code.matchAll(re)) specs.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  return specs;
}

function layerOf(fromFile: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const target = path.relative(root, path.resolve(root, path.dirname(fromFile), spec));
  return target.split(path.sep)[0] ?? null;
}

function violations(layer: 'shared' | 'renderer' | 'main'): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(layer)) {
    const code = fs.readFileSync(path.join(root, file), 'utf8');
    for (const spec of importsOf(code)) {
      const targetLayer = layerOf(file, spec);
      const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
      let bad: boolean;
      if (layer === 'shared') {
        bad = targetLayer !== null ? targetLayer !== 'shared' : NODE_BUILTINS.has(spec) || !SHARED_ALLOWED_PACKAGES.has(pkg);
      } else if (layer === 'renderer') {
        bad = targetLayer !== null
          ? targetLayer !== 'renderer' && targetLayer !== 'shared'
          : NODE_BUILTINS.has(spec) || RENDERER_FORBIDDEN_PACKAGES.has(pkg);
      } else {
        bad = targetLayer === 'renderer';
      }
      if (bad) found.push(`${file}: ${spec}`);
    }
  }
  return found;
}

describe('layer rules', () => {
  it('the import scanner sees every import form', () => {
    expect(importsOf(`import a from 'x';\nimport { b } from "../main/y.js";\nexport * from './z.js';\nconst c = await import('node:fs');\nrequire('electron');\nimport './side.css';`)).toEqual(
      ['x', '../main/y.js', './z.js', 'node:fs', 'electron', './side.css'],
    );
  });
  it('shared/ imports nothing from main/, renderer/, Node or Electron', () => {
    expect(violations('shared')).toEqual([]);
  });
  it('renderer/ imports shared/ only — never main/, Node, Electron or the database', () => {
    expect(violations('renderer')).toEqual([]);
  });
  it('main/ never imports the renderer', () => {
    expect(violations('main')).toEqual([]);
  });
});
