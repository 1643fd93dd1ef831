/**
 * The `verso` CLI as a child process, for what reaches the terminal: a reader that closes the pipe
 * early (`verso list | head -1`) ends it quietly, and control or bidi characters in a library's
 * titles never reach the terminal raw (a title written into the file by SQL, as an old or hostile
 * library may hold).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { bundleEntry } from '../testing/bundleEntry.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFixture, type ExportFixture } from '../export/testing/exportFixture.js';
import { DB_FILE_NAME } from '../backend.js';

const root = path.resolve(__dirname, '..', '..');
const bundleDir = path.join(root, 'test-results', `cli-terminal-${process.pid}`);
const cli = path.join(bundleDir, 'cli.cjs');
let fixture: ExportFixture;
const HOSTILE_TITLE = 'Budget \u001b]0;pwned\u0007\u001b[2J report \u202Etxt.exe';

beforeAll(async () => {
  await bundleEntry('main/cli.ts', cli);
  fixture = await exportFixture(['# Storm hits the coast', 'The storm closed roads on Monday.']);
  const db = new Database(path.join(fixture.dataDir, DB_FILE_NAME));
  db.prepare('UPDATE documents SET title = ? WHERE id = ?').run(HOSTILE_TITLE, fixture.doc.id);
  db.close();
}, 60_000);

afterAll(() => {
  fixture.cleanup();
  fs.rmSync(bundleDir, { recursive: true, force: true });
});

/** Runs the CLI; with `closeEarly` the reading end of its stdout is closed before it writes. */
function verso(args: string[], closeEarly = false): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { ...process.env, VERSO_DATA_DIR: fixture.dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    if (closeEarly) child.stdout.destroy();
    else child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('verso and a reader that stops early (EPIPE)', () => {
  it.each([[['list']], [['--help']], [['list', '--json']]])('%j exits quietly when stdout is closed', async (args) => {
    const r = await verso(args, true);
    expect(r.stderr).not.toMatch(/EPIPE|Error|at .*\(/);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('verso output never carries raw control or bidi characters', () => {
  it('list shows them as visible escapes', async () => {
    const r = await verso(['list']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
    expect(r.stdout).toContain('Budget \\u001b]0;pwned\\u0007\\u001b[2J report \\u202etxt.exe');
  });

  it('list --json stays valid JSON with the same title', async () => {
    const r = await verso(['list', '--json']);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u);
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ title: HOSTILE_TITLE })]);
  });

  it('an error naming what the user typed escapes it too', async () => {
    const r = await verso(['export', 'x\u001b[31my', '--format', 'txt', '--out', bundleDir]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).toContain('x\\u001b[31my');
  });
});
