// The lint and format steps of `npm test` (scripts/test.mjs): the repository's own eslint.config.js, run through
// ESLint's Node API on a tiny project, reports a floating promise, an untyped value used at a boundary and broken hooks
// rules, and passes clean code; the repository's Prettier options refuse a badly formatted file and accept a formatted
// one; .prettierignore keeps Prettier off the test data whose bytes matter.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');

let dir = '';
let eslint: ESLint;

/** The probe project's files, all written before ESLint first loads the project. */
const PROBES: Record<string, string> = {
  'main/bad.ts': [
    'async function save(): Promise<void> {}',
    'export function onRequest(body: string): string {',
    '  save();',
    '  const payload = JSON.parse(body);',
    '  return payload.name;',
    '}',
    '',
  ].join('\n'),
  'main/good.ts': [
    'async function save(): Promise<void> {}',
    'export async function onRequest(body: string): Promise<string> {',
    '  await save();',
    '  const payload = JSON.parse(body) as unknown;',
    "  return typeof payload === 'object' && payload !== null && 'name' in payload ? String(payload.name) : '';",
    '}',
    '',
  ].join('\n'),
  'renderer/src/Bad.tsx': [
    "import { useEffect, useState } from 'react';",
    'export function Bad({ id, on }: { id: string; on: boolean }) {',
    '  useEffect(() => {',
    '    document.title = id;',
    '  }, []);',
    '  if (on) {',
    '    const [n] = useState(0);',
    '    return <p>{n}</p>;',
    '  }',
    '  return null;',
    '}',
    '',
  ].join('\n'),
  'renderer/src/Good.tsx': [
    "import { useEffect, useState } from 'react';",
    'export function Good({ id, on }: { id: string; on: boolean }) {',
    '  const [n] = useState(0);',
    '  useEffect(() => {',
    '    document.title = id;',
    '  }, [id]);',
    '  return on ? <p>{n}</p> : null;',
    '}',
    '',
  ].join('\n'),
};

beforeAll(() => {
  // The config finds its projects from its own folder, so a copy sits at the top of a temporary project that
  // borrows the repository's node_modules.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verso-lint-'));
  fs.copyFileSync(path.join(root, 'eslint.config.js'), path.join(dir, 'eslint.config.js'));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'lint-probe', private: true, type: 'module' }));
  const compilerOptions = {
    strict: true,
    target: 'ES2023',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    lib: ['ES2023', 'DOM'],
    jsx: 'react-jsx',
    types: [],
  };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['main/**/*.ts', 'renderer/**/*.tsx'] }));
  fs.mkdirSync(path.join(dir, 'main'));
  fs.mkdirSync(path.join(dir, 'renderer', 'src'), { recursive: true });
  for (const [file, text] of Object.entries(PROBES)) fs.writeFileSync(path.join(dir, file), text);
  eslint = new ESLint({ cwd: dir });
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Lints one file of the probe project; the rule ids reported, with their severity. */
async function lint(file: string): Promise<string[]> {
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).map((m) => `${m.severity === 2 ? 'error' : 'warning'} ${m.ruleId ?? m.message}`);
}

describe('lint step (eslint.config.js)', () => {
  it('reports a promise nobody awaits and an untyped value read at a boundary', { timeout: 120_000 }, async () => {
    const found = await lint('main/bad.ts');
    expect(found).toContain('error @typescript-eslint/no-floating-promises');
    expect(found).toContain('error @typescript-eslint/no-unsafe-member-access');
    expect(found).toContain('error @typescript-eslint/no-unsafe-return');
  });

  it('passes the same code written carefully', { timeout: 120_000 }, async () => {
    const found = await lint('main/good.ts');
    expect(found).toEqual([]);
  });

  it('reports a missing effect dependency and a hook called conditionally in the renderer', { timeout: 120_000 }, async () => {
    const found = await lint('renderer/src/Bad.tsx');
    // A warning fails the run too: the lint step runs with --max-warnings=0.
    expect(found).toContain('warning react-hooks/exhaustive-deps');
    expect(found).toContain('error react-hooks/rules-of-hooks');
  });

  it('passes the component with its dependencies named and its hooks unconditional', { timeout: 120_000 }, async () => {
    const found = await lint('renderer/src/Good.tsx');
    expect(found).toEqual([]);
  });

  it('runs with --max-warnings=0 in npm run lint and in npm test', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['lint']).toContain('--max-warnings=0');
    expect(fs.readFileSync(path.join(root, 'scripts', 'test.mjs'), 'utf8')).toContain("bin('eslint'), ['--max-warnings=0', '.']");
  });
});

describe('format step (.prettierrc.json, .prettierignore)', () => {
  const file = path.join(root, 'main', 'probe.ts');

  it('refuses a badly formatted file and accepts it once formatted', async () => {
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    const bad = 'const  greeting = "hello" ;\nexport function greet( name:string ) { return greeting+name }\n';
    expect(await prettier.check(bad, options)).toBe(false);
    const good = await prettier.format(bad, options);
    expect(good).toBe("const greeting = 'hello';\nexport function greet(name: string) {\n  return greeting + name;\n}\n");
    expect(await prettier.check(good, options)).toBe(true);
  });

  it('keeps to the code as written: single quotes, trailing commas, lines up to 140 characters', async () => {
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    const call = `export const list = [${Array.from({ length: 12 }, (_, i) => `'item number ${i}'`).join(', ')}];\n`;
    const formatted = await prettier.format(call, options);
    expect(formatted.split('\n').every((line) => line.length <= 140)).toBe(true);
    expect(formatted).toContain("  'item number 11',\n];");
  });

  it('leaves the test data whose bytes matter alone and formats the code', async () => {
    const info = (p: string) =>
      prettier.getFileInfo(path.join(root, p), { ignorePath: [path.join(root, '.gitignore'), path.join(root, '.prettierignore')] });
    for (const data of [
      'main/import/fixtures/cms/bbc-like.html',
      'main/import/fixtures/hostile/expected.json',
      'main/export/formats/golden/sample.publish.html',
      'main/export/formats/golden/sample.provenance.json',
      'tools/schemas/README.md',
      'package-lock.json',
      'dist/renderer/index.html',
    ]) {
      expect((await info(data)).ignored, data).toBe(true);
    }
    for (const code of ['renderer/src/App.tsx', 'main/backend.ts', 'renderer/src/i18n/locales/en.json', 'scripts/test.mjs']) {
      expect((await info(code)).ignored, code).toBe(false);
    }
  });
});
