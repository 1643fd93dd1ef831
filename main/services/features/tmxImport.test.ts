/**
 * The streamed TMX import as a job (issue 17), over a real library: by path, with progress and a
 * summary; all or nothing (a file broken half-way, a Cancel, a crash leave nothing stored, and
 * the message names the file, line and unit); replace mode; staging rows and uploads a crash
 * left are cleared when the library is opened; the import worker gives what the in-process read gives.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend.js';
import { createFakeEngine } from '../../testing/fakeEngine.js';
import { failure } from '../../testing/failure.js';
import { recordJobEvents } from '../../testing/jobEvents.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { useWorkerBundle } from '../../import/testing/workerBundle.js';
import { runTmxStream } from '../../import/tmxStreamRunner.js';
import type { NewTmUnit } from '../../memory/tmStore.js';
import { createTmxStaging } from '../../memory/tmxStaging.js';
import { tmxUploadPath } from '../../memory/tmxUploads.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function start(dir = makeTempDir()): Backend & { dir: string } {
  const backend = createBackend({ dataDir: dir, mode: 'electron', version: '1.0.0', engines: [createFakeEngine()] });
  cleanups.push(() => {
    backend.close();
    removeTempDir(dir);
  });
  return Object.assign(backend, { dir });
}

const tu = (i: number) =>
  `<tu creationid="desk"><tuv xml:lang="en"><seg>Sentence number ${i} about the budget.</seg></tuv><tuv xml:lang="es"><seg>Frase número ${i} sobre el presupuesto.</seg></tuv></tu>\n`;
const tmx = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en"/><body>\n${body}</body></tmx>\n`;
const units = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => tu(from + i)).join('');

function file(dir: string, name: string, text: string): string {
  const full = path.join(dir, name);
  fs.writeFileSync(full, text);
  return full;
}

function count(backend: Backend, sql: string): number {
  const db = new Database(backend.dbPath, { readonly: true });
  const n = db.prepare(sql).pluck().get() as number;
  db.close();
  return n;
}

const stagedRows = (backend: Backend) => count(backend, 'SELECT count(*) FROM tm_import_staging');
const until = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
};

async function importFile(backend: Backend, source: string, mode: 'merge' | 'replace' = 'merge') {
  const log = recordJobEvents(backend.events);
  const { jobId } = await backend.api.startTmxImport({ sourceLang: 'en', targetLang: 'es', source: { kind: 'path', path: source }, mode });
  const final = await log.final(jobId);
  log.stop();
  return { jobId, final, events: log.events.filter((e) => e.jobId === jobId) };
}

describe('startTmxImport', () => {
  it('imports a file by path as a job: progress in units and bytes, then the summary (also from getTmxImport)', async () => {
    const backend = start();
    await backend.api.setProfile({ name: 'Ana', role: 'editor' });
    const source = file(backend.dir, 'memory.tmx', tmx(units(0, 5000) + tu(7)));
    const { jobId, final, events } = await importFile(backend, source);
    expect(final).toMatchObject({ state: 'done', documentId: null, error: null });
    expect(final.tmxImport).toMatchObject({
      fileName: 'memory.tmx',
      phase: 'finished',
      units: 5001,
      bytesRead: fs.statSync(source).size,
      result: { imported: 5000, skipped: 1, removed: 0 },
    });
    const reading = events.filter((e) => e.state === 'running' && e.tmxImport?.phase === 'reading');
    expect(reading.length).toBeGreaterThan(0);
    expect(reading.every((e) => e.tmxImport!.units <= 5001 && e.done === e.tmxImport!.bytesRead)).toBe(true);
    expect(await backend.api.getTmxImport({ jobId })).toMatchObject({ state: 'done', status: { result: { imported: 5000 } } });
    expect(await backend.api.getTmStats({ sourceLang: 'en', targetLang: 'es' })).toMatchObject({ units: 5000 });
    await until(() => stagedRows(backend) === 0);
    const again = await importFile(backend, source);
    expect(again.final.tmxImport?.result).toMatchObject({ imported: 0, skipped: 5001 });
  });

  it('a file broken half-way stores nothing and names the file, line and unit', async () => {
    const backend = start();
    await backend.api.setProfile({ name: 'Ana', role: 'editor' });
    const broken = file(
      backend.dir,
      'broken.tmx',
      tmx(units(0, 8000) + '<tu><tuv xml:lang="en"><seg>cut</tuv></tu>\n' + units(8000, 9000)),
    );
    const { final } = await importFile(backend, broken);
    expect(final.state).toBe('failed');
    expect(final.error).toMatchObject({ code: 'TMX_INVALID', details: { fileName: 'broken.tmx', line: 8003, unit: 8001 } });
    expect(final.error!.message).toMatch(
      /^broken\.tmx is broken at line 8003, column \d+ \(translation unit 8001\): .* Nothing was imported\.$/,
    );
    expect(await backend.api.getTmStats({ sourceLang: 'en', targetLang: 'es' })).toMatchObject({ units: 0 });
    await until(() => stagedRows(backend) === 0);
  });

  it('Cancel mid-way stores nothing; a missing file or a relative path is refused at once', async () => {
    const backend = start();
    await backend.api.setProfile({ name: 'Ana', role: 'editor' });
    const big = file(backend.dir, 'big.tmx', tmx(units(0, 30_000)));
    const log = recordJobEvents(backend.events);
    const { jobId } = await backend.api.startTmxImport({
      sourceLang: 'en',
      targetLang: 'es',
      source: { kind: 'path', path: big },
      mode: 'merge',
    });
    await until(() => log.events.some((e) => e.jobId === jobId && (e.tmxImport?.units ?? 0) > 0));
    expect(await backend.api.cancelJob({ jobId })).toEqual({ cancelled: true });
    expect(await log.final(jobId)).toMatchObject({ state: 'cancelled' });
    expect(await backend.api.getTmStats({ sourceLang: 'en', targetLang: 'es' })).toMatchObject({ units: 0 });
    await until(() => stagedRows(backend) === 0);
    const missing = await failure(
      backend.api.startTmxImport({
        sourceLang: 'en',
        targetLang: 'es',
        source: { kind: 'path', path: path.join(backend.dir, 'nope.tmx') },
        mode: 'merge',
      }),
    );
    expect(missing).toMatchObject({ code: 'TMX_FILE_UNREADABLE', details: { fileName: 'nope.tmx', reason: 'not found' } });
    const relative = await failure(
      backend.api.startTmxImport({ sourceLang: 'en', targetLang: 'es', source: { kind: 'path', path: 'big.tmx' }, mode: 'merge' }),
    );
    expect(relative).toMatchObject({ code: 'TMX_FILE_UNREADABLE' });
  });

  it('replace removes earlier TMX units of the pair, never sign-off units, in the same transaction as the new ones', async () => {
    const backend = start();
    await backend.api.setProfile({ name: 'Ana', role: 'editor' });
    const doc = await backend.api.importDocument({
      source: { kind: 'text', text: 'Signed text.', format: 'txt' },
      sourceLang: 'en',
      targetLang: 'es',
    });
    await backend.api.updateParagraphTarget({ paragraphId: doc.paragraphs[0]!.id, target: 'Texto firmado.' });
    await backend.api.signOffParagraphs({ paragraphIds: [doc.paragraphs[0]!.id] });
    await importFile(backend, file(backend.dir, 'a.tmx', tmx(units(0, 300))));
    const { final } = await importFile(backend, file(backend.dir, 'b.tmx', tmx(units(200, 250))), 'replace');
    expect(final.tmxImport?.result).toMatchObject({ imported: 50, removed: 300, skipped: 0 });
    expect(count(backend, "SELECT count(*) FROM tm_units WHERE origin = 'signoff'")).toBe(1);
    expect(count(backend, "SELECT count(*) FROM tm_units WHERE origin = 'tmx'")).toBe(50);
  });

  it('an upload is imported by its id and deleted afterwards; an unknown upload is refused', async () => {
    const backend = start();
    await backend.api.setProfile({ name: 'Ana', role: 'editor' });
    const uploadId = 'abcdefghijklmnopqrstuvwx';
    const upload = tmxUploadPath(backend.dir, uploadId)!;
    fs.mkdirSync(path.dirname(upload), { recursive: true });
    fs.writeFileSync(upload, tmx(units(0, 10)));
    const log = recordJobEvents(backend.events);
    const { jobId } = await backend.api.startTmxImport({
      sourceLang: 'en',
      targetLang: 'es',
      source: { kind: 'upload', uploadId, fileName: 'from-browser.tmx' },
      mode: 'merge',
    });
    expect((await log.final(jobId)).tmxImport).toMatchObject({ fileName: 'from-browser.tmx', result: { imported: 10 } });
    expect(fs.existsSync(upload)).toBe(false);
    expect(
      await failure(
        backend.api.startTmxImport({ sourceLang: 'en', targetLang: 'es', source: { kind: 'upload', uploadId }, mode: 'merge' }),
      ),
    ).toMatchObject({
      code: 'TMX_UPLOAD_NOT_FOUND',
    });
  });
});

describe('after a crash', () => {
  it('staged rows and uploads left behind are deleted when the library is opened, never published', async () => {
    const dir = makeTempDir();
    const first = createBackend({ dataDir: dir, mode: 'electron', version: '1.0.0', engines: [] });
    first.close();
    // A crash half-way through an import: rows staged, an upload on disk.
    const db = new Database(path.join(dir, path.basename(first.dbPath)));
    const staging = createTmxStaging(db);
    const unit = (i: number): NewTmUnit => ({
      sourceLang: 'en',
      targetLang: 'es',
      source: `S ${i}`,
      target: `T ${i}`,
      origin: 'tmx',
      createdBy: '',
      createdAt: 'x',
    });
    staging.add(
      staging.begin(),
      Array.from({ length: 100 }, (_, i) => unit(i)),
    );
    db.close();
    const upload = tmxUploadPath(dir, 'abcdefghijklmnopqrstuvwx')!;
    fs.mkdirSync(path.dirname(upload), { recursive: true });
    fs.writeFileSync(upload, 'partial');
    const backend = start(dir);
    expect(stagedRows(backend)).toBe(0);
    expect(count(backend, 'SELECT count(*) FROM tm_units')).toBe(0);
    expect(fs.existsSync(upload)).toBe(false);
  });
});

describe('in the import worker', () => {
  const bundle = useWorkerBundle();

  it('reads the file in batches, as in process; a broken file fails the same way; an abort stops it', async () => {
    const source = file(bundle.dir, 'w.tmx', tmx(units(0, 6000)));
    const job = { source: { kind: 'path' as const, path: source }, sourceLang: 'en', targetLang: 'es', now: '2026-12-03T00:00:00.000Z' };
    const read = async (workerFile: string | null, signal = new AbortController().signal) => {
      const got: NewTmUnit[] = [];
      const summary = await runTmxStream({ workerFile, heapMb: 128 }, job, async (batch) => void got.push(...batch), signal);
      return { got, summary };
    };
    const inWorker = await read(bundle.file);
    const inProcess = await read(null);
    expect(inWorker.got).toHaveLength(6000);
    expect(inWorker).toEqual(inProcess);
    const broken = { ...job, source: { kind: 'path' as const, path: file(bundle.dir, 'b.tmx', tmx(units(0, 10)).slice(0, -30)) } };
    const w = await failure(runTmxStream({ workerFile: bundle.file, heapMb: 128 }, broken, async () => {}, new AbortController().signal));
    const p = await failure(runTmxStream({ workerFile: null, heapMb: 128 }, broken, async () => {}, new AbortController().signal));
    expect(w).toMatchObject({ code: 'TMX_INVALID' });
    expect(w.message).toBe(p.message);
    const abort = new AbortController();
    await expect(
      runTmxStream({ workerFile: bundle.file, heapMb: 128 }, job, async () => abort.abort(new Error('stop')), abort.signal),
    ).rejects.toThrow('stop');
  });
});
