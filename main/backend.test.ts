import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from './backend.js';
import { createFakeEngine } from './testing/fakeEngine.js';
import { recordJobEvents } from './testing/jobEvents.js';
import { makeTempDir, removeTempDir } from './testing/tempDir.js';

let dir = '';
afterEach(() => removeTempDir(dir));

describe('backend', () => {
  it('creates the data directory, opens verso.sqlite and dispatches', async () => {
    dir = makeTempDir();
    const dataDir = path.join(dir, 'nested', 'library');
    const backend = createBackend({ dataDir, mode: 'browser', version: '2.0.0', engines: [createFakeEngine()] });
    expect(backend.dbPath).toBe(path.join(dataDir, 'verso.sqlite'));
    expect(fs.existsSync(backend.dbPath)).toBe(true);
    expect(await backend.dispatch('getProfile', {})).toEqual({ ok: true, value: null });
    backend.close();
    backend.close(); // idempotent
  });

  it('a malformed contact e-mail reaches the service and is refused as SETTINGS_INVALID (worded by the app), saving nothing', async () => {
    dir = makeTempDir();
    const backend = createBackend({ dataDir: dir, mode: 'browser', version: '1', engines: [createFakeEngine()] });
    await backend.dispatch('setProfile', { name: 'Ed Itor', role: 'editor' });
    const refused = await backend.dispatch('updateSettings', { contactEmail: 'not an address' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'SETTINGS_INVALID', details: { issues: [expect.stringMatching(/^contactEmail: /)] } },
    });
    expect(await backend.dispatch('getSettings', {})).toMatchObject({ ok: true, value: { contactEmail: '' } });
    expect(await backend.dispatch('updateSettings', { contactEmail: 'desk@example.org' })).toMatchObject({
      ok: true,
      value: { contactEmail: 'desk@example.org' },
    });
    backend.close();
  });

  it('close() cancels running jobs and closes the engines', async () => {
    dir = makeTempDir();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const engine = createFakeEngine({ gate });
    let engineClosed = 0;
    const backend = createBackend({ dataDir: dir, mode: 'electron', version: '1', engines: [{ ...engine, close: () => engineClosed++ }] });
    await backend.api.setProfile({ name: 'T', role: 'translator' });
    const doc = await backend.api.importDocument({
      source: { kind: 'text', text: 'One.\n\nTwo.', format: 'txt' },
      sourceLang: 'en',
      targetLang: 'es',
    });
    const log = recordJobEvents(backend.events);
    const { jobId } = await backend.api.translateParagraphs({ documentId: doc.id });
    backend.close();
    expect(await log.final(jobId)).toMatchObject({ state: 'cancelled', done: 0 });
    // ...and ends what the engines keep running between batches.
    expect(engineClosed).toBe(1);
    release();
  });
});
