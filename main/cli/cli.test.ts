/** The `verso` CLI as a child process (bundled with esbuild as scripts/build.mjs does), on a real library. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleEntry } from '../testing/bundleEntry.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFixture, type ExportFixture } from '../export/testing/exportFixture.js';
import { docxParagraphs } from '../export/testing/docxParagraphs.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { resolveOutputPath, writeExportFile } from './writeExportFile.js';

const root = path.resolve(__dirname, '..', '..');
// Inside the work tree, so the bundle finds better-sqlite3 in node_modules like dist/main/cli.cjs does.
const bundleDir = path.join(root, 'test-results', `cli-bundle-${process.pid}`);
const cli = path.join(bundleDir, 'cli.cjs');
let signed: ExportFixture;
let unsigned: ExportFixture;
let out: string;

beforeAll(async () => {
  await bundleEntry('main/cli.ts', cli);
  signed = await exportFixture(['# Storm hits the coast', 'The storm closed roads on Monday.']);
  unsigned = await exportFixture(['Draft story.'], { signOff: false });
  out = makeTempDir();
}, 60_000);

afterAll(() => {
  signed.cleanup();
  unsigned.cleanup();
  removeTempDir(out);
  fs.rmSync(bundleDir, { recursive: true, force: true });
});

function verso(args: string[], dataDir: string = signed.dataDir, cwd: string = out) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, VERSO_DATA_DIR: dataDir },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('verso list', () => {
  it('lists the documents of VERSO_DATA_DIR, as a table or JSON', () => {
    const r = verso(['list']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(signed.doc.id);
    expect(r.stdout).toContain('en→es');
    expect(r.stdout).toContain('2/2 signed off');
    expect(r.stdout).toContain('Storm hits the coast');
    const json = verso(['list', '--json']);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ id: signed.doc.id, title: 'Storm hits the coast', signedOffCount: 2 }),
    ]);
  });

  it('logs to <data dir>/logs/verso.log (0600), warnings and errors only, and never on stdout', () => {
    const r = verso(['list', '--json']);
    expect(r.code, r.stderr).toBe(0);
    JSON.parse(r.stdout); // nothing but the output
    expect(r.stderr).toBe('');
    const logFile = path.join(signed.dataDir, 'logs', 'verso.log');
    if (process.platform !== 'win32') expect(fs.statSync(logFile).mode & 0o777).toBe(0o600);
    const levels = fs
      .readFileSync(logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { level: number }).level);
    expect(levels.filter((level) => level < 40)).toEqual([]);
  });

  it('fails clearly without a library', () => {
    const empty = makeTempDir();
    try {
      const r = verso(['list'], empty);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`There is no Verso library in ${empty}`);
      // …and creates nothing there.
      expect(fs.readdirSync(empty)).toEqual([]);
    } finally {
      removeTempDir(empty);
    }
  });
});

describe('verso export', () => {
  it('writes the same file as the app, into a folder under its own name or to a given file', async () => {
    const r = verso(['export', signed.doc.id, '--format', 'txt', '--out', '.']);
    expect(r.code, r.stderr).toBe(0);
    const file = path.join(out, 'storm-hits-the-coast.es.txt');
    expect(r.stdout.trim()).toBe(file);
    const app = await signed.backend.api.exportFile({ documentId: signed.doc.id, format: 'txt', mode: 'publish' });
    expect(fs.readFileSync(file, 'utf8')).toBe(app.content);

    const byTitle = verso(['export', 'storm hits the coast', '--format', 'docx', '--out', 'story.docx']);
    expect(byTitle.code, byTitle.stderr).toBe(0);
    const paragraphs = docxParagraphs(fs.readFileSync(path.join(out, 'story.docx')));
    expect(paragraphs[0]).toEqual({ style: 'Heading1', text: 'Storm hits the coast' });
    expect(paragraphs.at(-1)!.style).toBe('AiDisclosure');
  });

  it('never overwrites without --force, and --force replaces the file', () => {
    const file = path.join(out, 'keep.html');
    fs.writeFileSync(file, 'mine');
    const refused = verso(['export', signed.doc.id, '--format', 'html', '--out', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already exists. Add --force to overwrite it.');
    expect(fs.readFileSync(file, 'utf8')).toBe('mine');
    const forced = verso(['export', signed.doc.id, '--format', 'html', '--out', file, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toContain('<footer class="ai-disclosure" lang="es"');
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses publish-ready export of an unsigned document with the reason; --draft exports a marked draft', () => {
    const refused = verso(['export', unsigned.doc.id, '--format', 'md', '--out', '.'], unsigned.dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('1 paragraph is not signed off: 1 (EXPORT_NOT_SIGNED_OFF)');
    const draft = verso(['export', unsigned.doc.id, '--format', 'md', '--out', '.', '--draft'], unsigned.dataDir);
    expect(draft.code, draft.stderr).toBe(0);
    expect(fs.readFileSync(path.join(out, 'draft-story.es.draft.md'), 'utf8')).toMatch(/^BORRADOR — no aprobado para su publicación/);
  });

  it('wrong usage exits 2 with the usage; other failures exit 1 with one clear line', () => {
    const badFormat = verso(['export', signed.doc.id, '--format', 'pdf', '--out', '.']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('Unknown format "pdf"');
    expect(badFormat.stderr).toContain('Usage:');
    expect(verso(['export', signed.doc.id, '--format', 'txt']).code).toBe(2);
    expect(verso(['frobnicate']).code).toBe(2);
    expect(verso(['export', signed.doc.id, '--format', 'txt', '--out', '.', '--colour']).code).toBe(2);
    const unknown = verso(['export', 'no such story', '--format', 'txt', '--out', '.']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No document "no such story"');
    const noFolder = verso(['export', signed.doc.id, '--format', 'txt', '--out', 'missing/dir/x.txt']);
    expect(noFolder.code).toBe(1);
    expect(noFolder.stderr).toContain('does not exist');
    expect(verso(['--version']).stdout.trim()).toBe('9.9.9-test');
  });
});

describe('output paths', () => {
  it('stay where the user pointed: no links, no names from outside, folders must exist', () => {
    const dir = makeTempDir();
    try {
      expect(resolveOutputPath('.', 'a.es.txt', dir)).toBe(path.join(dir, 'a.es.txt'));
      expect(resolveOutputPath('x.txt', 'a.es.txt', dir)).toBe(path.join(dir, 'x.txt'));
      expect(() => resolveOutputPath('.', '../evil.txt', dir)).toThrow(/Refusing/);
      expect(() => resolveOutputPath('.', '.hidden', dir)).toThrow(/Refusing/);
      expect(() => resolveOutputPath('nope/', 'a.txt', dir)).toThrow(/does not exist/);
      expect(() => resolveOutputPath('', 'a.txt', dir)).toThrow(/empty/);
      fs.symlinkSync('/tmp', path.join(dir, 'link'));
      expect(() => resolveOutputPath('link', 'a.txt', dir)).toThrow(/symbolic link/);
      fs.symlinkSync(path.join(dir, 'elsewhere.txt'), path.join(dir, 'dangling.txt'));
      expect(() => writeExportFile(path.join(dir, 'dangling.txt'), new Uint8Array([1]), true)).toThrow(/symbolic link/);
      expect(fs.existsSync(path.join(dir, 'elsewhere.txt'))).toBe(false);
    } finally {
      removeTempDir(dir);
    }
  });
});
