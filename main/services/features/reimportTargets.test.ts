/**
 * Issue 14 item 3: work done in another tool comes back. Re-importing an XLIFF whose targets another
 * tool changed applies them as new revisions (that tool named), reopens the sign-offs whose text
 * changed and says what it did.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../../shared/types.js';
import { createBackend, type Backend } from '../../backend.js';
import { createFakeEngine } from '../../testing/fakeEngine.js';
import { recordJobEvents } from '../../testing/jobEvents.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';

const SOURCES = ['Flood waters rise', 'Heavy rain fell on Tuesday.', 'Schools are closed.', 'Advertisement', 'Volunteers filled sandbags.'];

let dir: string;
let backend: Backend;
beforeEach(() => {
  dir = makeTempDir();
  backend = createBackend({
    dataDir: dir,
    mode: 'browser',
    version: '1.0.0',
    engines: [createFakeEngine({ id: 'fake', name: 'Fake MT', translate: (t) => `ES ${t}` })],
  });
});
afterEach(() => {
  backend.close();
  removeTempDir(dir);
});

const file = (text: string, fileName: string) => ({ kind: 'file' as const, fileName, dataBase64: Buffer.from(text).toString('base64') });

async function inWork(): Promise<DocumentDetail> {
  const { api } = backend;
  await api.setProfile({ name: 'Eda', role: 'editor' });
  const doc = await api.importDocument({ source: file(SOURCES.join('\n\n'), 'story.txt'), sourceLang: 'en', targetLang: 'es' });
  const log = recordJobEvents(backend.events);
  const { jobId } = await api.translateParagraphs({ documentId: doc.id });
  await log.final(jobId);
  log.stop();
  const p = (await api.getDocument({ documentId: doc.id })).paragraphs;
  await api.confirmParagraphs({ paragraphIds: [p[0]!.id] });
  await api.signOffParagraphs({ paragraphIds: [p[0]!.id] });
  await api.setParagraphsExcluded({ paragraphIds: [p[3]!.id], excluded: true });
  return api.getDocument({ documentId: doc.id });
}

/** What a CAT tool sends back: Verso's sources, its own targets. */
function fromTool(
  targets: (string | null)[],
  header = '<header><tool tool-id="mq" tool-name="memoQ" tool-version="9.12"/></header>',
): string {
  const units = SOURCES.map((s, i) => {
    const t = targets[i];
    return `<trans-unit id="${i + 1}"><source>${s}</source>${t === null || t === undefined ? '' : `<target state="translated">${t}</target>`}</trans-unit>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="story" source-language="en" target-language="es" datatype="plaintext" tool-id="mq">${header}<body>
${units.join('\n')}
</body></file></xliff>`;
}

describe('re-importing an XLIFF another tool translated', () => {
  it('applies changed targets as revisions of that tool, reopens the sign-off it changed, and says what it did', async () => {
    const { api } = backend;
    const before = await inWork();
    const xliff = fromTool(['Suben las aguas', 'Llovió mucho el martes.', 'ES Schools are closed.', 'Publicidad', null]);

    const { document: after, summary } = await api.reimportDocument({ documentId: before.id, source: file(xliff, 'story.es.xlf') });

    expect(summary.unchanged).toBe(5);
    expect(summary.translations).toEqual({
      tool: 'memoQ 9.12',
      applied: [1, 2],
      unchanged: 1,
      signOffsReopened: [1],
      skipped: [
        { paragraph: 4, reason: 'excluded' },
        { paragraph: 5, reason: 'no-target' },
      ],
    });
    const [headline, rain, schools, ad, volunteers] = after.paragraphs;
    expect([headline!.target, headline!.status, headline!.signOff]).toEqual(['Suben las aguas', 'translated', null]);
    expect([rain!.target, rain!.status]).toEqual(['Llovió mucho el martes.', 'translated']);
    expect([schools!.target, schools!.status]).toEqual(['ES Schools are closed.', 'machine']);
    expect(ad!.target).toBe('ES Advertisement');
    expect(volunteers!.target).toBe('ES Volunteers filled sandbags.');

    // The history: the sign-off withdrawn, then the tool's text, both by this re-import.
    const history = await api.getParagraphHistory({ paragraphId: headline!.id });
    const last = history.entries.slice(-2).map((e) => [e.action, e.origin, e.beforeText, e.afterText, e.statusAfter]);
    expect(last).toEqual([
      ['sign-off-withdrawn', 'import', 'ES Flood waters rise', 'ES Flood waters rise', 'translated'],
      ['confirm', 'import', 'ES Flood waters rise', 'Suben las aguas', 'translated'],
    ]);
    expect(history.entries.at(-1)!.mtEngine).toBe('memoQ 9.12');
    // Where the text came from: the tool the file names (origin unknown: it does not say MT or human).
    const origins = await api.getDocumentOrigins({ documentId: before.id });
    expect(origins.unknown.map((o) => [o.number, o.tool])).toEqual([
      [1, 'memoQ 9.12'],
      [2, 'memoQ 9.12'],
    ]);
    // Every write went into the audit chain: the library check finds nothing wrong.
    const check = await api.verifyLibrary({});
    expect([check.state, check.problemCount]).toEqual(['done', 0]);
  });

  it("a target of invisible characters only is no translation: skipped, Verso's kept", async () => {
    const { api } = backend;
    const before = await inWork();
    const { summary, document } = await api.reimportDocument({
      documentId: before.id,
      source: file(fromTool([null, '\u200B\u200B', null, null, null]), 'story.es.xlf'),
    });
    expect(summary.translations?.skipped).toContainEqual({ paragraph: 2, reason: 'no-target' });
    expect(document.paragraphs[1]!.target).toBe('ES Heavy rain fell on Tuesday.');
  });

  it('XLIFF 2.0: the tool named in the file\'s metadata; a "reviewed" segment is a confirmed translation', async () => {
    const { api } = backend;
    const before = await inWork();
    const units = SOURCES.map(
      (s, i) =>
        `<unit id="u${i + 1}"><segment${i === 2 ? ' state="reviewed"' : ''}><source>${s}</source>${i === 2 ? '<target>Las escuelas cierran.</target>' : ''}</segment></unit>`,
    );
    const xliff = `<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" version="2.0" srcLang="en" trgLang="es">
<file id="f"><mda:metadata><mda:metaGroup category="tool"><mda:meta type="tool-name">Okapi Rainbow</mda:meta><mda:meta type="tool-version">1.44</mda:meta></mda:metaGroup></mda:metadata>
${units.join('\n')}
</file></xliff>`;
    const { summary, document } = await api.reimportDocument({ documentId: before.id, source: file(xliff, 'story.xliff') });
    expect(summary.translations).toMatchObject({ tool: 'Okapi Rainbow 1.44', applied: [3] });
    expect([document.paragraphs[2]!.target, document.paragraphs[2]!.status]).toEqual(['Las escuelas cierran.', 'translated']);
  });

  it('the same file twice: the second time nothing is applied', async () => {
    const { api } = backend;
    const before = await inWork();
    const xliff = fromTool(['Suben las aguas', 'Llovió mucho el martes.', null, null, null]);
    await api.reimportDocument({ documentId: before.id, source: file(xliff, 'story.es.xlf') });
    const { summary } = await api.reimportDocument({ documentId: before.id, source: file(xliff, 'story.es.xlf') });
    expect(summary.translations).toMatchObject({ applied: [], unchanged: 2, signOffsReopened: [] });
  });

  it("a file that names no tool but Verso (a CAT tool kept Verso's header): the tool the person names, else none", async () => {
    const { api } = backend;
    const before = await inWork();
    const xliff = fromTool(
      [null, 'Llovió mucho el martes.', null, null, null],
      '<header><tool tool-id="mq" tool-name="Verso" tool-version="1.0.0"/></header>',
    );
    const named = await api.reimportDocument({ documentId: before.id, source: file(xliff, 'story.es.xlf'), tool: 'OmegaT 3.6' });
    expect(named.summary.translations).toMatchObject({ tool: 'OmegaT 3.6', applied: [2] });
    const origins = await api.getDocumentOrigins({ documentId: before.id });
    expect(origins.unknown.map((o) => [o.number, o.tool])).toEqual([[2, 'OmegaT 3.6']]);
  });

  it('a re-import of a plain text source has no translations part', async () => {
    const { api } = backend;
    const before = await inWork();
    const { summary } = await api.reimportDocument({ documentId: before.id, source: file(SOURCES.join('\n\n'), 'story.txt') });
    expect(summary.translations).toBeUndefined();
  });
});
