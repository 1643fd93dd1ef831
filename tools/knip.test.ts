// The knip step of `npm test` (scripts/test.mjs, config knip.jsonc): it knows every bundle entry,
// and with the repository's own configuration it fails on an unused export and passes without one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const knipBin = path.join(root, 'node_modules', '.bin', 'knip');
const configText = fs.readFileSync(path.join(root, 'knip.jsonc'), 'utf8');
const config = JSON.parse(configText.replace(/^\s*\/\/.*$/gm, '')) as { entry: string[] };

let dir: string | null = null;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

/** A tiny project under the repository's knip.jsonc: main/cli.ts (an entry) imports shared/words.ts. */
function runKnipOn(words: string): { status: number | null; output: string } {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verso-knip-'));
  fs.copyFileSync(path.join(root, 'knip.jsonc'), path.join(dir, 'knip.jsonc'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'knip-probe', private: true, type: 'module' }));
  fs.mkdirSync(path.join(dir, 'main'));
  fs.mkdirSync(path.join(dir, 'shared'));
  fs.writeFileSync(path.join(dir, 'main', 'cli.ts'), "import { used } from '../shared/words.js';\nconsole.log(used);\n");
  fs.writeFileSync(path.join(dir, 'shared', 'words.ts'), words);
  const r = spawnSync(knipBin, ['--no-progress', '--no-config-hints'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('knip step', () => {
  it('has every entry scripts/build.mjs bundles (the CLI and the import worker through scripts/cliBundles.mjs)', () => {
    const read = (name: string) => fs.readFileSync(path.join(root, 'scripts', name), 'utf8');
    const bundled = [
      ...[...read('build.mjs').matchAll(/entryPoints: \[path\.join\(root, '([^']+)'\)\]/g)].map((m) => m[1]!),
      ...[...read('cliBundles.mjs').matchAll(/entry\('([^']+)', '[^']+'\)/g)].map((m) => m[1]!),
    ];
    expect(bundled).toEqual(expect.arrayContaining(['main/cli.ts', 'main/cliLoader.ts', 'main/import/importWorkerLoader.ts']));
    expect(bundled.length).toBeGreaterThanOrEqual(8);
    for (const entry of bundled) expect(config.entry, entry).toContain(entry);
    expect(config.entry).toContain('renderer/index.html');
  });

  it('fails on an unused export, naming it, and passes once it is gone', { timeout: 240_000 }, () => {
    const unused = runKnipOn('export const used = 1;\nexport const forgotten = 2;\n');
    expect(unused.status).toBe(1);
    expect(unused.output).toMatch(/Unused exports \(1\)[\s\S]*forgotten\s+shared\/words\.ts/);
    fs.rmSync(dir!, { recursive: true, force: true });
    const clean = runKnipOn('export const used = 1;\n');
    expect(clean.output).not.toContain('forgotten');
    expect(clean.status).toBe(0);
  });
});
