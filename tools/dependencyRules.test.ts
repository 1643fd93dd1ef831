// Proves every rule of .dependency-cruiser.cjs can fail: a small tree in a temporary folder breaks each
// rule once (and holds one file that breaks none), dependency-cruiser runs on it with the project's own
// configuration, and each rule must be reported for exactly the file written to break it.
// (The real tree is checked by the "Layer rules (dependency-cruiser)" step of `npm test`.)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');

const TREE: Record<string, string> = {
  'main/core/ground.ts': `import { d } from '../db/store.js';\nexport const g = d;`,
  'main/core/clean.ts': `export const c = 1;`,
  'main/db/store.ts': `import { s } from '../services/service.js';\nexport const d = s;`,
  'main/db/ok.ts': `import { c } from '../core/clean.js';\nexport const dd = c;`,
  'main/memory/domain.ts': `import { s } from '../services/service.js';\nexport const m = s;`,
  'main/memory/usesTesting.ts': `import { t } from '../testing/helper.js';\nexport const u = t;`,
  'main/memory/circleA.ts': `import { b } from './circleB.js';\nexport const a = () => b;`,
  'main/memory/circleB.ts': `import { a } from './circleA.js';\nexport const b = () => a;`,
  'main/memory/fine.ts': `import { c } from '../core/clean.js';\nimport { dd } from '../db/ok.js';\nexport const f = c + dd;`,
  'main/testing/helper.ts': `export const t = 1;`,
  'main/services/service.ts': `export const s = 1;`,
  'main/services/transport.ts': `import { b } from '../bridge/server.js';\nexport const st = b;`,
  'main/services/electronUser.ts': `import { app } from 'electron';\nexport const e = app;`,
  'main/services/rendererUser.ts': `import { r } from '../../renderer/view.js';\nexport const ru = r;`,
  'main/services/fine.ts': `import { f } from '../memory/fine.js';\nimport { c } from '../core/clean.js';\nexport const sf = f + c;`,
  'main/api/dispatch.ts': `import { be } from '../backend.js';\nexport const ad = be;`,
  'main/bridge/server.ts': `export const b = 1;`,
  'main/backend.ts': `export const be = 1;`,
  'shared/impure.ts': `import fs from 'node:fs';\nexport const si = fs;`,
  'renderer/view.ts': `export const r = 1;`,
  'renderer/reachesMain.ts': `import { s } from '../main/services/service.js';\nexport const rm = s;`,
  'renderer/parses.ts': `import { parse } from 'parse5';\nexport const rp = parse;`,
};

const EXPECTED: [rule: string, from: string][] = [
  ['core-is-ground-floor', 'main/core/ground.ts'],
  ['db-imports-only-core', 'main/db/store.ts'],
  ['domain-never-imports-services', 'main/memory/domain.ts'],
  ['test-support-only-in-tests', 'main/memory/usesTesting.ts'],
  ['no-circular', 'main/memory/circleA.ts'],
  ['services-never-import-transports', 'main/services/transport.ts'],
  ['only-main-electron-imports-electron', 'main/services/electronUser.ts'],
  ['main-never-imports-renderer', 'main/services/rendererUser.ts'],
  ['api-never-imports-transports', 'main/api/dispatch.ts'],
  ['shared-is-pure', 'shared/impure.ts'],
  ['renderer-imports-shared-and-allowlist', 'renderer/reachesMain.ts'],
  ['renderer-imports-shared-and-allowlist', 'renderer/parses.ts'],
];

interface Violation {
  from: string;
  rule: { name: string };
}

let dir = '';
let violations: Violation[] = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verso-layers-'));
  for (const [file, code] of Object.entries(TREE)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), code + '\n');
  }
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', strict: true } }));
  const run = spawnSync(
    path.join(root, 'node_modules/.bin/depcruise'),
    ['--config', path.join(root, '.dependency-cruiser.cjs'), '--output-type', 'json', 'main', 'shared', 'renderer'],
    { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
  violations = report.summary.violations;
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('layer rules (.dependency-cruiser.cjs)', () => {
  it.each(EXPECTED)('%s is reported for %s', (rule, from) => {
    expect(violations.filter((v) => v.from === from).map((v) => v.rule.name)).toContain(rule);
  });
  it('reports nothing else: the allowed imports (services → domain → db → core) pass', () => {
    const unexpected = violations.filter((v) => !EXPECTED.some(([rule, from]) => v.from === from && v.rule.name === rule));
    expect(unexpected).toEqual([]);
  });
});
