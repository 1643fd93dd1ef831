import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openFileLog } from '../core/log/logger.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { LIMITS } from '../../shared/limits.js';
import { METHOD_NAMES, type VersoApi } from '../../shared/api.js';
import { ServiceError } from '../core/serviceError.js';
import { createDispatcher } from './dispatch.js';

/** A VersoApi whose every method records its calls and resolves to { called: method }. */
function spyApi(impl: Partial<Record<keyof VersoApi, (input: unknown) => Promise<unknown>>> = {}) {
  const calls: [string, unknown][] = [];
  const api = Object.fromEntries(
    METHOD_NAMES.map((m) => [
      m,
      async (input: unknown) => {
        calls.push([m, input]);
        return impl[m] ? impl[m](input) : { called: m };
      },
    ]),
  ) as unknown as VersoApi;
  return { api, calls };
}

let dir = '';
afterEach(() => {
  vi.restoreAllMocks();
  removeTempDir(dir);
  dir = '';
});

describe('dispatcher', () => {
  it('passes a valid payload to its service and wraps the value', async () => {
    const { api, calls } = spyApi();
    const dispatch = createDispatcher(api);
    expect(await dispatch('getDocument', { documentId: 'd1' })).toEqual({ ok: true, value: { called: 'getDocument' } });
    expect(await dispatch('setProfile', { name: '  Ana ', role: 'editor' })).toMatchObject({ ok: true });
    expect(calls).toEqual([
      ['getDocument', { documentId: 'd1' }],
      ['setProfile', { name: 'Ana', role: 'editor' }], // the schema trims
    ]);
  });

  it('rejects unknown methods and bad payloads before any service runs', async () => {
    const { api, calls } = spyApi();
    const dispatch = createDispatcher(api);
    for (const method of ['dropTables', 'constructor', '__proto__', 'toString', 42, null, undefined, { m: 1 }]) {
      const result = await dispatch(method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    const bad: [string, unknown][] = [
      ['getDocument', null],
      ['getDocument', 'd1'],
      ['getDocument', {}],
      ['getDocument', { documentId: 7 }],
      ['getDocument', { documentId: '' }],
      ['getDocument', { documentId: 'x'.repeat(65) }],
      ['getDocument', { documentId: 'd1', extra: true }],
      ['listDocuments', { sneaky: 1 }],
      ['setProfile', { name: '   ', role: 'editor' }],
      ['setProfile', { name: 'Ana', role: 'admin' }],
      ['updateSettings', { footerPolicy: 'sometimes' }],
      ['updateSettings', { contactEmail: 'x'.repeat(201) }],
      ['confirmParagraphs', { paragraphIds: [] }],
      ['signOffParagraphs', { paragraphIds: Array.from({ length: LIMITS.paragraphIds + 1 }, (_, i) => `p${i}`) }],
      ['updateParagraphTarget', { paragraphId: 'p', target: 'x'.repeat(100_001) }],
      ['importDocument', { source: { kind: 'url', url: 'http://x' }, sourceLang: 'en', targetLang: 'es' }],
      ['importDocument', { source: { kind: 'text', text: 'x', format: 'docx' }, sourceLang: 'en', targetLang: 'es' }],
      ['exportFile', { documentId: 'd', format: 'pdf', mode: 'publish' }],
      ['translateParagraphs', { documentId: 'd', paragraphIds: 'all' }],
    ];
    for (const [method, input] of bad) {
      const result = await dispatch(method, input);
      expect(result.ok, `${method} ${JSON.stringify(input)?.slice(0, 80)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('BAD_REQUEST');
        expect(Array.isArray(result.error.details?.issues)).toBe(true);
        expect((result.error.details!.issues as string[]).length).toBeGreaterThan(0);
      }
    }
    expect(calls).toEqual([]);
  });

  it('turns a ServiceError into its envelope and anything else into a generic INTERNAL', async () => {
    const secret = new Error('SQLITE_CORRUPT at /home/ana/secret/path');
    const { api } = spyApi({
      getDocument: async () => {
        throw new ServiceError('DOCUMENT_NOT_FOUND', 'No such document.', { documentId: 'd1' });
      },
      listDocuments: async () => {
        throw secret;
      },
    });
    dir = makeTempDir();
    const log = openFileLog(dir, 'info');
    const dispatch = createDispatcher(api, () => null, { log: () => log });
    expect(await dispatch('getDocument', { documentId: 'd1' })).toEqual({
      ok: false,
      error: { code: 'DOCUMENT_NOT_FOUND', message: 'No such document.', details: { documentId: 'd1' } },
    });
    const internal = await dispatch('listDocuments', {});
    const logFile = path.join(dir, 'logs', 'verso.log');
    // The message names the real log file, and the details (with the stack) are in it.
    expect(internal).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: `The details were written to the log file ${logFile}.`, details: { logFile } },
    });
    expect(JSON.stringify(internal)).not.toContain('secret');
    const lines = fs
      .readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([expect.objectContaining({ level: 50, method: 'listDocuments', msg: 'listDocuments failed unexpectedly' })]);
    expect(lines[0]!['err']).toContain(secret.message);
    expect(lines[0]!['err']).toMatch(/\n\s+at .*dispatch\.test\.ts/);
    log.close();
  });

  it('logs a call that took 200 ms or more with its method name and duration, never its payload', async () => {
    const { api } = spyApi();
    dir = makeTempDir();
    const log = openFileLog(dir, 'info');
    let clock = 0;
    const ticks = [0, 150, 1000, 1250];
    const dispatch = createDispatcher(api, () => null, { log: () => log, now: () => ticks[clock++]! });
    await dispatch('getDocument', { documentId: 'quick-doc' });
    await dispatch('updateParagraphTarget', { paragraphId: 'p1', target: 'Private draft text' });
    const text = fs.readFileSync(log.file!, 'utf8');
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([expect.objectContaining({ level: 40, msg: 'slow call', kind: 'call', name: 'updateParagraphTarget', ms: 250 })]);
    expect(text).not.toContain('Private draft text');
    expect(text).not.toContain('p1');
    log.close();
  });
});
