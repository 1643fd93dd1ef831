#!/usr/bin/env node
// `npm test`: type-check, layer rules (dependency-cruiser), unused exports (knip), lint (ESLint), formatting (Prettier),
// unit and component tests (Vitest), then end-to-end tests (Playwright in browser mode, Debian's Chromium; plus the
// Electron smoke test where a binary exists).
// Prints one last line: `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeBuild } from './native.mjs';
import { playwrightFailures, vitestFailures } from './testFailures.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const only = process.argv.slice(2); // optional: unit | e2e | crash

const totals = { passed: 0, failed: 0, skipped: 0 };
/** What failed, named again just before the summary: CI keeps only the end of a long log. */
const failures = [];
function step(title, command, args, env = {}) {
  console.log(`\n=== ${title}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}
/** A step that counts as one test: passed when it exited with 0. */
function countStep(status, title) {
  if (status === 0) {
    totals.passed += 1;
  } else {
    totals.failed += 1;
    failures.push(title);
  }
}
function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

ensureNodeBuild();

const wants = (part) => only.length === 0 || only.includes(part);

if (wants('unit')) {
  const tsc = step('Type-check (tsc -b)', bin('tsc'), ['-b']);
  countStep(tsc, 'Type-check (tsc -b)');

  // The layer rules (.dependency-cruiser.cjs; tools/dependencyRules.test.ts proves each can fail); counts as one test.
  const layers = step('Layer rules (dependency-cruiser)', bin('depcruise'), ['main', 'shared', 'renderer', '--output-type', 'err']);
  countStep(layers, 'Layer rules (dependency-cruiser)');

  // knip (knip.jsonc): an export, file or dependency nothing uses fails the run; counts as one test.
  const knip = step('Unused exports, files and dependencies (knip)', bin('knip'), ['--no-progress']);
  countStep(knip, 'Unused exports, files and dependencies (knip)');

  // ESLint (eslint.config.js, type-aware): an error or a warning fails the run; counts as one test.
  const lint = step('Lint (ESLint, type-aware)', bin('eslint'), ['--max-warnings=0', '.']);
  countStep(lint, 'Lint (ESLint, type-aware)');

  // Prettier (.prettierrc.json, .prettierignore): a file not in Prettier's form fails the run; counts as one test.
  // It names how many files differ, so a failure here is never lost in the output.
  console.log('\n=== Formatting (Prettier --check)');
  const format = spawnSync(bin('prettier'), ['--list-different', '.'], { cwd: root, encoding: 'utf8' });
  const unformatted = format.stdout.split('\n').filter(Boolean);
  if (format.status === 0) {
    totals.passed += 1;
    console.log('All files are formatted.');
  } else {
    countStep(1, 'Formatting (Prettier --check)');
    for (const file of unformatted.slice(0, 20)) console.log(`  not formatted: ${file}`);
    if (unformatted.length > 20) console.log(`  … and ${unformatted.length - 20} more`);
    if (format.stderr) process.stdout.write(format.stderr);
    console.log(`FAILED: ${unformatted.length} file(s) are not formatted with Prettier; \`npm run format\` rewrites them.`);
  }

  const vitestJson = path.join(results, 'vitest.json');
  fs.rmSync(vitestJson, { force: true });
  const vitest = step('Unit and component tests (Vitest)', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestJson}`,
  ]);
  const v = readJson(vitestJson);
  if (v) {
    totals.passed += v.numPassedTests;
    totals.failed += v.numFailedTests;
    totals.skipped += v.numPendingTests + (v.numTodoTests ?? 0);
    failures.push(...vitestFailures(v, root));
    if (vitest !== 0 && v.numFailedTests === 0) countStep(1, 'Vitest (no test failed: a suite or the run itself did)');
  } else {
    countStep(1, 'Vitest (no results written)');
  }
}

if (wants('e2e')) {
  const build = step('Build (renderer and main)', process.execPath, [path.join(root, 'scripts/build.mjs'), '--quiet']);
  if (build !== 0) {
    countStep(build, 'Build (renderer and main)');
  } else {
    const pwJson = path.join(results, 'playwright.json');
    fs.rmSync(pwJson, { force: true });
    const pw = step('End-to-end tests (Playwright, browser mode)', bin('playwright'), ['test', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
    });
    const p = readJson(pwJson);
    if (p?.stats) {
      totals.passed += p.stats.expected + p.stats.flaky;
      totals.failed += p.stats.unexpected;
      totals.skipped += p.stats.skipped;
      failures.push(...playwrightFailures(p.suites ?? []));
      if (pw !== 0 && p.stats.unexpected === 0) countStep(1, 'Playwright (no test failed: the run itself did)');
    } else {
      countStep(1, 'Playwright (no results written)');
    }
  }
}

// The kill -9 harness (scripts/crashHarness.mjs): its self-test, then a short run (npm run test:crash
// takes --kills 1000 for a long one). Each counts as one test.
if (wants('e2e') || wants('crash')) {
  for (const [title, args] of [
    ['Crash harness self-test', ['--selftest']],
    ['Crash harness: 100 × kill -9 during Translate all, edits, sign-offs and imports', ['--kills', '100']],
  ]) {
    countStep(step(title, process.execPath, [path.join(root, 'scripts/crashHarness.mjs'), ...args]), title);
  }
}

if (failures.length > 0) {
  console.log(`\n=== Failed (${failures.length})`);
  for (const line of failures) console.log(`  ✘ ${line}`);
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
