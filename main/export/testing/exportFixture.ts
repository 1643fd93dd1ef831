/** A backend over a temporary folder with one article machine-translated, edited, confirmed and signed off. */
import type { DocumentDetail } from '../../../shared/types.js';
import { createBackend, type Backend } from '../../backend.js';
import { createFakeEngine } from '../../testing/fakeEngine.js';
import { recordJobEvents } from '../../testing/jobEvents.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';

export interface ExportFixture {
  backend: Backend;
  dataDir: string;
  doc: DocumentDetail;
  /** The editor reads the paragraph for `ms` (focus reported, Verso's reading clock moved on, focus gone). */
  read(paragraphId: string, ms: number): Promise<void>;
  cleanup(): void;
}

export const FIXTURE_PUBLISHER = 'Diario Ejemplo';
export const FIXTURE_CONTACT = 'redaccion@example.org';

/** `signOff: false` leaves every paragraph confirmed only. `dataDir` reuses a folder (the caller cleans it). */
export async function exportFixture(
  paragraphs: string[],
  options: { targetLang?: string; sourceLang?: string; signOff?: boolean; translate?: boolean; dataDir?: string } = {},
): Promise<ExportFixture> {
  const dataDir = options.dataDir ?? makeTempDir();
  const fixed = new Date('2026-03-01T10:00:00.000Z');
  let reviewTime = 0;
  const backend = createBackend({
    dataDir,
    mode: 'browser',
    version: '0.1.0',
    engines: [
      createFakeEngine({
        translate: (t) => `MT ${t}`,
        pairs: [{ source: options.sourceLang ?? 'en', target: options.targetLang ?? 'es' }],
      }),
    ],
    now: () => fixed,
    reviewNow: () => reviewTime,
  });
  const { api } = backend;
  async function read(paragraphId: string, ms: number): Promise<void> {
    await api.reportReviewFocus({ paragraphId });
    reviewTime += ms;
    await api.reportReviewFocus({ paragraphId: null });
  }
  await api.setProfile({ name: 'Tomás Translator', role: 'translator' });
  await api.updateSettings({ publisher: FIXTURE_PUBLISHER, contactEmail: FIXTURE_CONTACT, footerPolicy: 'always' });
  let doc = await api.importDocument({
    source: { kind: 'text', text: paragraphs.join('\n\n'), format: 'md' },
    sourceLang: options.sourceLang ?? 'en',
    targetLang: options.targetLang ?? 'es',
  });
  if (options.translate !== false) {
    const log = recordJobEvents(backend.events);
    const job = await api.translateParagraphs({ documentId: doc.id });
    await log.final(job.jobId);
    log.stop();
    doc = await api.getDocument({ documentId: doc.id });
    const first = doc.paragraphs[0]!;
    await api.updateParagraphTarget({ paragraphId: first.id, target: first.target.replace(/^MT /, '') });
    await api.confirmParagraphs({ paragraphIds: doc.paragraphs.map((p) => p.id) });
    if (options.signOff !== false) {
      await api.setProfile({ name: 'Elena Editor', role: 'editor' });
      // As the editor does: each paragraph read for a minute (never fast), then signed off.
      const ids = doc.paragraphs.map((p) => p.id);
      for (const id of ids) await read(id, 60_000);
      const result = await api.signOffReviewed({ paragraphIds: ids });
      if (result.skipped.length > 0) throw new Error(`exportFixture: sign-off skipped ${JSON.stringify(result.skipped)}`);
    }
    doc = await api.getDocument({ documentId: doc.id });
  }
  return {
    backend,
    dataDir,
    doc,
    read,
    cleanup() {
      backend.close();
      if (!options.dataDir) removeTempDir(dataDir);
    },
  };
}
