/**
 * MT jobs write their results in batches: each paragraph stays all-or-nothing inside a batch,
 * human work that arrives while a batch waits wins, a cancel writes what had arrived and stops at
 * once (the engine is not waited for), progress goes out per batch. No wall-clock time: batches
 * are cut by count (the timer is set out of reach) and engines are stepped by hand.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobProgress, LanguagePair } from '../../shared/types.js';
import { createEventHub } from '../jobs/eventHub.js';
import { openDatabase } from '../db/openDatabase.js';
import { createRepositories } from '../db/repositories/index.js';
import { createMemorySecretStore } from '../engines/secretStore.js';
import type { EngineDescription, MtEngine, MtOutput, TranslateOptions } from '../engines/mtEngine.js';
import { createEngineRegistry } from '../engines/registry.js';
import { createJobRunner } from '../jobs/jobRunner.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import type { ServiceDeps } from './context.js';
import { createVersoApi } from './createApi.js';
import { createMtJobs, type MtJobsOptions } from './translationService.js';
import { createReviewClock } from './reviewClock.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

/** An engine the test steps through: it delivers when told, and may ignore a cancel. */
function steppedEngine(options: { ignoreAbort?: boolean } = {}) {
  let texts: readonly string[] = [];
  let opts: TranslateOptions | null = null;
  let finish: ((out: MtOutput[]) => void) | null = null;
  let fail: ((err: unknown) => void) | null = null;
  let started!: () => void;
  const running = new Promise<void>((r) => (started = r));
  let delivered = 0;
  const engine: MtEngine = {
    id: 'stepped',
    name: 'Stepped MT',
    async describe(): Promise<EngineDescription> {
      return { available: true, unavailableReason: null, version: 'stepped 1', pairs: [{ source: 'en', target: 'es' }] };
    },
    translateBatch(t: readonly string[], _pair: LanguagePair, o: TranslateOptions) {
      texts = t;
      opts = o;
      started();
      return new Promise<MtOutput[]>((resolve, reject) => {
        finish = resolve;
        fail = reject;
        if (!options.ignoreAbort) o.signal.addEventListener('abort', () => reject(o.signal.reason), { once: true });
      });
    },
  };
  return {
    engine,
    running,
    /** Delivers the next `n` results (synchronously, as one stdout chunk would); one that throws stops the batch. */
    deliver(n: number) {
      try {
        for (let i = 0; i < n && delivered < texts.length; i++, delivered++) {
          opts!.onResult?.(delivered, { text: `ES ${texts[delivered]}`, unknownWords: [] });
        }
      } catch (err) {
        fail?.(err);
      }
    },
    end() {
      finish?.(texts.map((t) => ({ text: `ES ${t}`, unknownWords: [] })));
    },
    get delivered() {
      return delivered;
    },
  };
}

function setup(engine: MtEngine, jobOptions: MtJobsOptions, runner: { progressIntervalMs?: number } = {}) {
  const dir = makeTempDir();
  const db = openDatabase(path.join(dir, 'verso.sqlite'));
  const events = createEventHub();
  const jobs = createJobRunner(events, runner);
  const deps: ServiceDeps = {
    db,
    repos: createRepositories(db),
    engines: createEngineRegistry([engine], { secrets: createMemorySecretStore() }),
    events,
    jobs,
    appInfo: { version: 'test', mode: 'browser', dataDir: dir },
    now: () => new Date(),
    newId: randomUUID,
    reviewClock: createReviewClock(),
  };
  cleanups.push(() => {
    db.close();
    removeTempDir(dir);
  });
  const log: JobProgress[] = [];
  events.subscribe((e, p) => {
    if (e === 'jobProgress') log.push(p);
  });
  const final = (jobId: string): Promise<JobProgress> =>
    new Promise((resolve) => {
      const seen = log.find((e) => e.jobId === jobId && e.state !== 'running');
      if (seen) return resolve(seen);
      const stop = events.subscribe((e, p) => {
        if (e === 'jobProgress' && p.jobId === jobId && p.state !== 'running') {
          stop();
          resolve(p);
        }
      });
    });
  return { db, api: createVersoApi(deps), mt: createMtJobs(deps, jobOptions), jobs, log, final };
}

const NEVER = 1e9; // the batch timer is out of reach: batches are cut by count or by the job

async function article(api: ReturnType<typeof createVersoApi>, n: number) {
  await api.setProfile({ name: 'Tomás', role: 'translator' });
  const text = Array.from({ length: n }, (_, i) => `Paragraph ${i + 1} of the story.`).join('\n\n');
  return api.importDocument({ source: { kind: 'text', text, format: 'txt' }, sourceLang: 'en', targetLang: 'es' });
}

function statuses(db: Database.Database, documentId: string): string[] {
  return (db.prepare('SELECT status FROM paragraphs WHERE document_id = ? ORDER BY position').all(documentId) as { status: string }[]).map(
    (r) => r.status,
  );
}

function mtRows(db: Database.Database, table: 'revisions' | 'mt_provenance'): string[] {
  const where = table === 'revisions' ? "WHERE action = 'mt'" : '';
  return (db.prepare(`SELECT paragraph_id FROM ${table} ${where} ORDER BY paragraph_id`).all() as { paragraph_id: string }[]).map(
    (r) => r.paragraph_id,
  );
}

describe('MT jobs write in batches', () => {
  it('one transaction per batch: nothing is written until a batch is full, then all of it with revisions and provenance', async () => {
    const e = steppedEngine();
    const { api, mt, db, final } = setup(e.engine, { writeBatch: { maxItems: 4, maxDelayMs: NEVER } });
    const doc = await article(api, 10);
    const { jobId } = await mt.start({ documentId: doc.id, scope: 'all' });
    await e.running;
    e.deliver(3);
    expect(statuses(db, doc.id).filter((s) => s === 'machine')).toHaveLength(0);
    e.deliver(1);
    expect(statuses(db, doc.id).slice(0, 5)).toEqual(['machine', 'machine', 'machine', 'machine', 'new']);
    e.deliver(6);
    e.end();
    expect(await final(jobId)).toMatchObject({ state: 'done', done: 10 });
    expect(statuses(db, doc.id).every((s) => s === 'machine')).toBe(true);
    const ids = doc.paragraphs.map((p) => p.id).sort();
    expect(mtRows(db, 'revisions')).toEqual(ids);
    expect(mtRows(db, 'mt_provenance')).toEqual(ids);
  });

  it('keeps each paragraph all-or-nothing inside a batch: one that cannot be written rolls back alone', async () => {
    const e = steppedEngine();
    const { api, mt, db, final } = setup(e.engine, { writeBatch: { maxItems: 5, maxDelayMs: NEVER } });
    const doc = await article(api, 5);
    const bad = doc.paragraphs[2]!.id;
    // The provenance row comes last in a paragraph's write: by then its target and revision are in.
    db.exec(`CREATE TEMP TRIGGER fail_one BEFORE INSERT ON mt_provenance WHEN NEW.paragraph_id = '${bad}'
             BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    const { jobId } = await mt.start({ documentId: doc.id, scope: 'all' });
    await e.running;
    const logged = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    e.deliver(5);
    const result = await final(jobId);
    logged.mockRestore();
    expect(result).toMatchObject({ state: 'failed', done: 4, error: { code: 'INTERNAL' } });
    expect(statuses(db, doc.id)).toEqual(['machine', 'machine', 'new', 'machine', 'machine']);
    const paragraph = db.prepare('SELECT target, mt_text FROM paragraphs WHERE id = ?').get(bad);
    expect(paragraph).toEqual({ target: '', mt_text: null });
    expect(mtRows(db, 'revisions')).not.toContain(bad);
    expect(mtRows(db, 'revisions')).toHaveLength(4);
    expect(mtRows(db, 'mt_provenance')).toHaveLength(4);
  });

  it('a human edit that arrives while its paragraph waits in a batch wins', async () => {
    const e = steppedEngine();
    const { api, mt, db, final } = setup(e.engine, { writeBatch: { maxItems: 100, maxDelayMs: NEVER } });
    const doc = await article(api, 3);
    const [one, two, three] = doc.paragraphs;
    const { jobId } = await mt.start({ documentId: doc.id, scope: 'all' });
    await e.running;
    e.deliver(3); // all three results wait in the batch
    expect(statuses(db, doc.id)).toEqual(['new', 'new', 'new']);
    await api.updateParagraphTarget({ paragraphId: two!.id, target: 'Dos, a mano.' });
    e.end();
    expect(await final(jobId)).toMatchObject({ state: 'done', done: 3 });
    const after = await api.getDocument({ documentId: doc.id });
    expect(after.paragraphs.map((p) => [p.status, p.target])).toEqual([
      ['machine', `ES ${one!.source}`],
      ['edited', 'Dos, a mano.'],
      ['machine', `ES ${three!.source}`],
    ]);
    expect(after.paragraphs[1]!.mt).toBeNull();
    expect(mtRows(db, 'revisions')).not.toContain(two!.id);
  });

  it('a cancel writes what had arrived, ends the job at once without waiting for the engine, and nothing changes afterwards', async () => {
    const e = steppedEngine({ ignoreAbort: true }); // an engine that does not stop when asked
    const { api, mt, db, jobs, log, final } = setup(e.engine, { writeBatch: { maxItems: 5, maxDelayMs: NEVER } });
    const doc = await article(api, 40);
    const { jobId } = await mt.start({ documentId: doc.id, scope: 'all' });
    await e.running;
    e.deliver(12); // two batches written, two results waiting
    expect(statuses(db, doc.id).filter((s) => s === 'machine')).toHaveLength(10);
    expect(jobs.cancel(jobId)).toBe(true);
    e.deliver(3); // delivered after the cancel: ignored
    const result = await final(jobId);
    expect(result).toMatchObject({ state: 'cancelled', done: 12 });
    expect(e.delivered).toBe(15); // the job ended while the engine was still going
    e.deliver(25);
    e.end();
    await new Promise((r) => setImmediate(r));
    expect(statuses(db, doc.id).filter((s) => s === 'machine')).toHaveLength(12);
    expect(statuses(db, doc.id).slice(0, 13)).toEqual([...Array<string>(12).fill('machine'), 'new']);
    expect(mtRows(db, 'revisions')).toHaveLength(12);
    expect(log.filter((p) => p.jobId === jobId).at(-1)).toMatchObject({ state: 'cancelled', done: 12 });
  });

  it('reports progress once per batch written, not once per paragraph, and the final count always', async () => {
    const e = steppedEngine();
    const { api, mt, log, final } = setup(e.engine, { writeBatch: { maxItems: 100, maxDelayMs: NEVER } }, { progressIntervalMs: 0 });
    const doc = await article(api, 2050);
    const { jobId } = await mt.start({ documentId: doc.id, scope: 'all' });
    await e.running;
    for (let i = 0; i < 41; i++) e.deliver(50);
    e.end();
    expect(await final(jobId)).toMatchObject({ state: 'done', done: 2050, total: 2050 });
    const running = log.filter((p) => p.jobId === jobId && p.state === 'running').map((p) => p.done);
    expect(running).toEqual([0, ...Array.from({ length: 20 }, (_, i) => (i + 1) * 100), 2050]);
  });
});
