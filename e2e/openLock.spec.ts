/**
 * Issue 13, items 2–3 in browser mode: a damaged library is refused at start and the page says so
 * in one sentence (the file untouched); a second Verso on the same data directory stops, naming the
 * process that holds it, while the first keeps working.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './support/fixtures.js';
import { startServer } from './support/server.js';
import { importMarkdown, invoke } from './support/api.js';
import { VersoPage } from './support/versoPage.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Overwrites one leaf page of the paragraphs table (found with dbstat) with garbage. */
function corruptParagraphsPage(dbPath: string): void {
  const db = new Database(dbPath, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db
    .prepare(`SELECT pageno FROM dbstat WHERE name = 'paragraphs' AND pagetype = 'leaf' ORDER BY pageno`)
    .pluck()
    .all() as number[];
  db.close();
  expect(pages.length).toBeGreaterThan(1);
  const fd = fs.openSync(dbPath, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (pages[Math.floor(pages.length / 2)]! - 1) * pageSize);
  fs.closeSync(fd);
}

/** Runs a second browser-mode server on `dataDir` to its end. */
function secondServer(dataDir: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [path.join(root, process.env.VERSO_DIST || 'dist', 'main/web.cjs')], {
    env: { ...process.env, VERSO_DATA_DIR: dataDir, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

test('a library with one damaged page: Verso says so at start, offers what it can, and never writes to it', async ({ page, dataDir }) => {
  const first = await startServer(dataDir);
  await invoke(first, 'setProfile', { name: 'Elena Editor', role: 'editor' });
  const text = Array.from({ length: 400 }, (_, i) => `Paragraph ${i + 1} of a long article, with enough words to fill the page.`).join(
    '\n\n',
  );
  await importMarkdown(first, text, 'en', 'es', 'Long story');
  // The backup taken at start is written (in the background) before the library is damaged.
  await expect.poll(async () => (await invoke<{ backups: unknown[] }>(first, 'listBackups', {})).backups.length).toBeGreaterThan(0);
  await first.stop();
  const dbPath = path.join(dataDir, 'verso.sqlite');
  corruptParagraphsPage(dbPath);
  const before = sha(dbPath);

  const server = await startServer(dataDir);
  try {
    expect(server.output()).toContain('is damaged');
    const app = new VersoPage(page);
    await app.open(server.url);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(`The library ${dbPath} is damaged (`);
    await expect(alert).toContainText('so Verso will not open or change it.');
    // The backup Verso took when the first server started (before the damage) is offered.
    await expect(
      page.getByText(/^The newest good backup is .*verso-\d{8}T\d{9}Z-start\.sqlite \(made .*\): restore it with “verso restore /),
    ).toBeVisible();
    // Nothing is offered that would write: no profile form, no library.
    await expect(page.getByRole('button', { name: 'Save profile' })).toHaveCount(0);
  } finally {
    await server.stop();
  }
  expect(sha(dbPath)).toBe(before);
});

test('a zero-length verso.sqlite is a damaged library, not a new one', async ({ page, dataDir }) => {
  const dbPath = path.join(dataDir, 'verso.sqlite');
  fs.writeFileSync(dbPath, '');
  const server = await startServer(dataDir);
  try {
    await new VersoPage(page).open(server.url);
    await expect(page.getByRole('alert')).toHaveText(
      `The library ${dbPath} is damaged (the file is empty (0 bytes)), so Verso will not open or change it.`,
    );
  } finally {
    await server.stop();
  }
  expect(fs.statSync(dbPath).size).toBe(0);
});

test('a second Verso on the same data directory says which process holds it and stops; the first keeps working', async ({
  page,
  dataDir,
  server,
}) => {
  const holder = JSON.parse(fs.readFileSync(path.join(dataDir, 'verso.lock'), 'utf8')) as { pid: number };
  const second = await secondServer(dataDir);
  expect(second.code).toBe(1);
  expect(second.output).toMatch(
    new RegExp(
      `^Verso could not start: The library in ${dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is already open in another Verso \\(process ${holder.pid}, "verso browser mode", on .+, since \\d{4}-\\d\\d-\\d\\dT[^)]+\\); close that one first or use another VERSO_DATA_DIR\\.\\n$`,
    ),
  );

  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Tomás Translator', 'Translator');

  // Once the first one stops, the library is free again.
  await server.stop();
  const next = await startServer(dataDir);
  await next.stop();
});
