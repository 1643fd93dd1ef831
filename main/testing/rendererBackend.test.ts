import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../shared/types.js';
import type { TestBackend } from '../../shared/testing/testBackend.js';
import { createRendererBackend } from './rendererBackend.js';

const opened: TestBackend[] = [];
function backend(options?: Parameters<typeof createRendererBackend>[0]): TestBackend {
  const b = createRendererBackend(options);
  opened.push(b);
  return b;
}
afterEach(() => {
  for (const b of opened.splice(0)) b.close();
});

describe('the renderer tests’ backend: its transport', () => {
  it('goes through the validating dispatcher: bad payloads, unknown methods and service refusals come back as envelopes', async () => {
    const b = backend();
    expect(await b.transport.invoke('getDocument', { documentId: 42 } as never)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await b.transport.invoke('noSuchMethod' as never, {} as never)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await b.transport.invoke('getDocument', { documentId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'DOCUMENT_NOT_FOUND' },
    });
    // The calls are recorded as sent.
    expect(b.calls.map((c) => c.method)).toEqual(['getDocument', 'noSuchMethod', 'getDocument']);
  });

  it('keeps a refusal’s details, and copies payloads both ways as a wire does', async () => {
    const b = backend();
    await b.seedProfile('translator');
    const doc = await b.seedDocument([{ source: 'One.' }, { source: 'Two.', target: 'Dos.', status: 'translated' }]);
    const input = { documentId: doc.id, format: 'txt' as const, mode: 'publish' as const };
    const refusal = await b.transport.invoke('exportFile', input);
    expect(refusal).toMatchObject({ ok: false, error: { code: 'EXPORT_NOT_SIGNED_OFF', details: { count: 2, paragraphs: [1, 2] } } });
    input.documentId = 'changed afterwards';
    expect(b.callsOf('exportFile')).toEqual([{ documentId: doc.id, format: 'txt', mode: 'publish' }]);

    const first = await b.transport.invoke('getDocument', { documentId: doc.id });
    const second = await b.transport.invoke('getDocument', { documentId: doc.id });
    expect(first).toEqual(second);
    expect(first).not.toBe(second);
  });

  it('delivers the backend’s job events to subscribers until they unsubscribe', async () => {
    const b = backend();
    await b.seedProfile('translator');
    const doc = await b.seedDocument([{ source: 'One.' }, { source: 'Two.' }]);
    const seen: JobProgress[] = [];
    const off = b.transport.subscribe('jobProgress', (p) => seen.push(p));
    await b.runMt(doc.id);
    expect(seen.at(-1)).toMatchObject({ documentId: doc.id, state: 'done', done: 2, total: 2 });
    off();
    const count = seen.length;
    await b.runMt(doc.id, [doc.paragraphs[0]!.id]);
    expect(seen).toHaveLength(count);
  });

  it('scripts what tests cannot cause for real: a failure, an answer, a slow call; the rest reaches the backend', async () => {
    const b = backend();
    b.failNext('getSettings', { code: 'INTERNAL', message: 'disk full' });
    b.replyNext('getProfile', null);
    expect(await b.transport.invoke('getSettings', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'disk full' } });
    expect(await b.transport.invoke('getSettings', {})).toMatchObject({ ok: true });
    await b.seedProfile('editor', 'Elena');
    expect(await b.transport.invoke('getProfile', {})).toEqual({ ok: true, value: null });
    expect(await b.transport.invoke('getProfile', {})).toMatchObject({ ok: true, value: { name: 'Elena' } });

    const held = b.holdNext('listDocuments', { skip: 1 });
    expect(await b.transport.invoke('listDocuments', {})).toEqual({ ok: true, value: [] });
    let answered = false;
    const slow = b.transport.invoke('listDocuments', {}).then((r) => ((answered = true), r));
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe(false);
    held.release();
    expect(await slow).toEqual({ ok: true, value: [] });
  });

  it('answers every call with INTERNAL once closed, and removes its library', async () => {
    const b = backend();
    b.close();
    expect(fs.existsSync(b.dataDir)).toBe(false);
    expect(await b.transport.invoke('getProfile', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('the renderer tests’ backend: seeding through the services', () => {
  it('brings each paragraph to its status with real calls; sign-offs are an editor’s, and the translator stays current', async () => {
    const b = backend({ mtUnknownWords: ['Zorp'] });
    await b.seedProfile('translator', 'Tess');
    const doc = await b.seedDocument(
      [
        { source: 'New one.' },
        { source: 'Zorp machine.', target: 'Máquina zorp.' },
        { source: 'Edited one.', target: 'Editado.', status: 'edited', mt: 'Editado por MT.' },
        { source: 'Confirmed one.', target: 'Confirmado.', status: 'translated' },
        { source: 'Signed one.', target: 'Aprobado.', status: 'signed-off' },
      ],
      { title: 'Seeded' },
    );
    expect(doc.paragraphs.map((p) => [p.status, p.target])).toEqual([
      ['new', ''],
      ['machine', 'Máquina zorp.'],
      ['edited', 'Editado.'],
      ['translated', 'Confirmado.'],
      ['signed-off', 'Aprobado.'],
    ]);
    expect(doc.paragraphs[1]!.mt).toMatchObject({ engineId: 'apertium', unknownWords: ['Zorp'] });
    expect(doc.paragraphs[2]!.mt?.text).toBe('Editado por MT.');
    expect(doc.paragraphs[4]!.signOff).toMatchObject({ name: 'Seed Editor', role: 'editor' });
    expect(await b.api.getProfile({})).toMatchObject({ name: 'Tess', role: 'translator' });
    // Only the paragraphs that needed MT were sent to the engine.
    expect(b.mtBatches.flat()).toEqual(['Zorp machine.', 'Edited one.']);
  });

  it('imports HTML seeds so inline markup becomes codes', async () => {
    const b = backend();
    await b.seedProfile();
    const doc = await b.seedDocument([{ source: 'A <b>bold</b> word.' }], { html: true });
    expect(doc.paragraphs[0]!.codes).toEqual([{ type: 'bold' }]);
  });

  it('holds the MT engine paragraph by paragraph, and makes its next batch fail', async () => {
    const b = backend();
    await b.seedProfile();
    const doc = await b.seedDocument([{ source: 'One.' }, { source: 'Two.' }]);
    const seen: JobProgress[] = [];
    b.transport.subscribe('jobProgress', (p) => seen.push(p));
    const mt = b.holdMt();
    const { jobId } = await b.api.translateParagraphs({ documentId: doc.id });
    mt.step();
    await expect.poll(() => seen.filter((p) => p.jobId === jobId).at(-1)?.done, { timeout: 20_000 }).toBe(1);
    await b.api.cancelJob({ jobId });
    expect(await b.jobEnded(jobId)).toBe('cancelled');
    mt.release();

    b.failMtNext('ENGINE_FAILED', 'it crashed');
    const failed = await b.api.translateParagraphs({ documentId: doc.id });
    expect(await b.jobEnded(failed.jobId)).toBe('failed');
  });

  it('a snapshot is copied into each backend made from it; changes stay in the copy', async () => {
    const template = backend();
    await template.seedProfile();
    const doc = await template.seedDocument([{ source: 'One.' }], { title: 'Template' });
    const snapshot = template.snapshot();
    const a = backend({ from: snapshot });
    await a.api.renameDocument({ documentId: doc.id, title: 'Renamed in a' });
    const b = backend({ from: snapshot });
    expect((await b.api.listDocuments({})).map((d) => d.title)).toEqual(['Template']);
    expect((await a.api.listDocuments({})).map((d) => d.title)).toEqual(['Renamed in a']);
    fs.rmSync(snapshot.dir, { recursive: true, force: true });
  });
});
