/**
 * Issue 12, defeat 1: machine translation laundered through an exchange format. A document of raw
 * MT goes out as XLIFF and comes back in; once signed off, publish-ready export under the footer
 * policy "only when machine translation was used" must still carry the footer and name the engine.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend.js';
import { createFakeEngine } from '../../testing/fakeEngine.js';
import { recordJobEvents } from '../../testing/jobEvents.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { failure } from '../../testing/failure.js';
import { actAs } from '../../testing/actAs.js';
import { UNTOLD_XLIFF } from '../../testing/untoldXliff.js';

const ARTICLE = ['# Storm hits the coast', 'The storm closed roads on Monday.', 'Schools stay open.'];
const open: { backend: Backend; dir: string }[] = [];
afterEach(() => {
  while (open.length > 0) {
    const o = open.pop()!;
    o.backend.close();
    removeTempDir(o.dir);
  }
});

async function start(): Promise<Backend> {
  const dir = makeTempDir();
  const backend = createBackend({
    dataDir: dir,
    mode: 'browser',
    version: '0.1.0',
    engines: [createFakeEngine({ id: 'apertium', name: 'Apertium', version: 'apertium 3.9', translate: (t) => `MT ${t}` })],
  });
  open.push({ backend, dir });
  // The footer policy is an editorial setting (an editor sets it); the translator works on.
  await actAs(backend.api, { name: 'Elena Editor', role: 'editor' });
  await backend.api.updateSettings({ publisher: 'Diario Ejemplo', contactEmail: 'redaccion@example.org', footerPolicy: 'when-mt' });
  await actAs(backend.api, { name: 'Tomás Translator', role: 'translator' });
  return backend;
}

async function machineTranslated(backend: Backend): Promise<string> {
  const doc = await backend.api.importDocument({
    source: { kind: 'text', text: ARTICLE.join('\n\n'), format: 'md' },
    sourceLang: 'en',
    targetLang: 'es',
  });
  const log = recordJobEvents(backend.events);
  const job = await backend.api.translateParagraphs({ documentId: doc.id });
  await log.final(job.jobId);
  log.stop();
  return doc.id;
}

async function importFile(backend: Backend, fileName: string, content: string): Promise<string> {
  const doc = await backend.api.importDocument({
    source: { kind: 'file', fileName, dataBase64: Buffer.from(content, 'utf8').toString('base64') },
    sourceLang: 'en',
    targetLang: 'es',
  });
  return doc.id;
}

async function signEverythingOff(backend: Backend, documentId: string): Promise<void> {
  const doc = await backend.api.getDocument({ documentId });
  const ids = doc.paragraphs.map((p) => p.id);
  const unconfirmed = doc.paragraphs.filter((p) => p.status !== 'translated').map((p) => p.id);
  if (unconfirmed.length > 0) await backend.api.confirmParagraphs({ paragraphIds: unconfirmed });
  await actAs(backend.api, { name: 'Elena Editor', role: 'editor' });
  await backend.api.signOffParagraphs({ paragraphIds: ids });
}

interface Attestation {
  aiAssisted: boolean;
  engines: { name: string }[];
  hasPart: { machineTranslated: boolean; origin?: string }[];
}

async function publishReady(backend: Backend, documentId: string): Promise<{ footer: boolean; attestation: Attestation }> {
  const txt = await backend.api.exportFile({ documentId, format: 'txt', mode: 'publish' });
  const att = await backend.api.exportFile({ documentId, format: 'attestation', mode: 'publish' });
  return { footer: txt.footer, attestation: JSON.parse(att.content) as Attestation };
}

describe('MT laundered through an exchange format (issue 12, defeat 1)', () => {
  it('XLIFF 2.0: raw MT out, back in, signed off: the footer is there and the attestation names the engine', async () => {
    const backend = await start();
    const first = await machineTranslated(backend);
    const xlf = await backend.api.exportFile({ documentId: first, format: 'xliff20', mode: 'draft' });
    expect(xlf.content).not.toContain('state="translated"');
    const second = await importFile(backend, 'storm.xlf', xlf.content);
    await signEverythingOff(backend, second);
    const { footer, attestation } = await publishReady(backend, second);
    expect(footer).toBe(true);
    expect(attestation.aiAssisted).toBe(true);
    expect(attestation.engines.map((e) => e.name)).toEqual(['Apertium']);
    expect(attestation.hasPart.every((p) => p.machineTranslated)).toBe(true);
  });

  it('XLIFF 1.2: a confirmed paragraph that started as MT keeps its MT origin', async () => {
    const backend = await start();
    const first = await machineTranslated(backend);
    const doc = await backend.api.getDocument({ documentId: first });
    await backend.api.updateParagraphTarget({ paragraphId: doc.paragraphs[1]!.id, target: 'La tormenta cerró carreteras el lunes.' });
    await backend.api.confirmParagraphs({ paragraphIds: doc.paragraphs.map((p) => p.id) });
    const xlf = await backend.api.exportFile({ documentId: first, format: 'xliff12', mode: 'draft' });
    const second = await importFile(backend, 'storm.xlf', xlf.content);
    const imported = await backend.api.getDocument({ documentId: second });
    expect(imported.paragraphs.map((p) => p.status)).toEqual(['translated', 'translated', 'translated']);
    expect(imported.paragraphs.map((p) => p.mt?.engineId)).toEqual(['apertium', 'apertium', 'apertium']);
    await signEverythingOff(backend, second);
    const { footer, attestation } = await publishReady(backend, second);
    expect(footer).toBe(true);
    expect(attestation.engines.map((e) => e.name)).toEqual(['Apertium']);
  });

  it('TMX: signed-off raw MT goes out as TMX, into the memory of another library, pre-fills a new document: the footer is there and names the engine', async () => {
    const backend = await start();
    const first = await machineTranslated(backend);
    await signEverythingOff(backend, first);
    const tmx = await backend.api.exportFile({ documentId: first, format: 'tmx', mode: 'publish' });
    expect(tmx.content).toContain('<prop type="x-verso-origin">mt</prop>');
    expect(tmx.content).toContain('<prop type="x-verso-engine">apertium</prop>');
    // Another library, whose memory holds only that TMX file.
    const other = await start();
    const { api } = other;
    await api.importTmx({
      sourceLang: 'en',
      targetLang: 'es',
      fileName: 'storm.tmx',
      dataBase64: Buffer.from(tmx.content).toString('base64'),
      mode: 'merge',
    });
    await api.updateMemorySettings({ prefillExact: true });
    const doc = await api.importDocument({
      source: { kind: 'text', text: ARTICLE.join('\n\n'), format: 'md' },
      sourceLang: 'en',
      targetLang: 'es',
    });
    expect((await api.prefillTmMatches({ documentId: doc.id })).paragraphs).toHaveLength(3);
    await signEverythingOff(other, doc.id);
    const { footer, attestation } = await publishReady(other, doc.id);
    expect(footer).toBe(true);
    expect(attestation.engines.map((e) => e.name)).toEqual(['Apertium']);
  });

  it('a translation whose origin the file does not tell is "origin unknown" and counts as MT for the footer', async () => {
    const backend = await start();
    const xlf = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="story.txt" source-language="en" target-language="es" datatype="plaintext">
    <body>
      <trans-unit id="1"><source>The storm closed roads.</source><target state="translated">La tormenta cerró carreteras.</target></trans-unit>
    </body>
  </file>
</xliff>`;
    const documentId = await importFile(backend, 'story.xlf', xlf);
    const doc = await backend.api.getDocument({ documentId });
    expect(doc.paragraphs[0]!.mt).toBeNull();
    await signEverythingOff(backend, documentId);
    const { footer, attestation } = await publishReady(backend, documentId);
    expect(footer).toBe(true);
    expect(attestation.hasPart[0]!.origin).toBe('unknown');
  });

  it('only an editor may declare an unknown origin human, with a reason; the footer then follows the declaration and the attestation says who and why', async () => {
    const backend = await start();
    const documentId = await importFile(backend, 'story.xlf', UNTOLD_XLIFF);
    const { api } = backend;
    const before = await api.getDocumentOrigins({ documentId });
    expect(before.unknown).toMatchObject([{ number: 1, tool: 'OmegaT 3.6', declaredHuman: null }]);
    // A translator is refused, and nothing changes.
    expect(await failure(api.declareHumanOrigin({ documentId, reason: 'I translated it myself' }))).toMatchObject({
      code: 'ORIGIN_DECLARE_NEEDS_EDITOR',
    });
    expect(await api.getDocumentOrigins({ documentId })).toEqual(before);
    await signEverythingOff(backend, documentId);
    expect(await failure(api.declareHumanOrigin({ documentId, reason: '   ' }))).toMatchObject({ code: 'ORIGIN_REASON_REQUIRED' });
    // Through the validated dispatcher, a reason past the limit is refused before any service runs.
    expect(await backend.dispatch('declareHumanOrigin', { documentId, reason: 'x'.repeat(501) })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect((await publishReady(backend, documentId)).footer).toBe(true);
    const after = await api.declareHumanOrigin({ documentId, reason: '  Translated by  Ana Ruiz for the desk ' });
    expect(after.unknown[0]!.declaredHuman).toMatchObject({
      name: 'Elena Editor',
      role: 'editor',
      reason: 'Translated by Ana Ruiz for the desk',
    });
    expect(await failure(api.declareHumanOrigin({ documentId, reason: 'again' }))).toMatchObject({ code: 'ORIGIN_NOTHING_UNKNOWN' });
    const { footer, attestation } = await publishReady(backend, documentId);
    expect(footer).toBe(false);
    expect(attestation.aiAssisted).toBe(false);
    expect(attestation.hasPart[0]).toMatchObject({
      origin: 'unknown',
      importedFrom: 'OmegaT 3.6',
      declaredHuman: { name: 'Elena Editor', reason: 'Translated by Ana Ruiz for the desk' },
    });
  });

  it('a declaration may name paragraphs: the others stay unknown and keep the footer', async () => {
    const backend = await start();
    const documentId = await importFile(
      backend,
      'two.xlf',
      UNTOLD_XLIFF.replace(
        '</body>',
        '<trans-unit id="2"><source>Schools stay open.</source><target state="translated">Las escuelas siguen abiertas.</target></trans-unit></body>',
      ),
    );
    await signEverythingOff(backend, documentId);
    const { unknown } = await backend.api.getDocumentOrigins({ documentId });
    expect(unknown).toHaveLength(2);
    const after = await backend.api.declareHumanOrigin({
      documentId,
      reason: 'Ana Ruiz translated it',
      paragraphIds: [unknown[0]!.paragraphId],
    });
    expect(after.unknown.map((o) => o.declaredHuman !== null)).toEqual([true, false]);
    const { footer, attestation } = await publishReady(backend, documentId);
    expect(footer).toBe(true);
    expect(attestation.aiAssisted).toBe(true);
  });
});
