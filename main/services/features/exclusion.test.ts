/** Exclude from translation over a real database: who may, the history, MT, sign-off, the publish gate, exports and XLIFF round trips. */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { exportFixture, type ExportFixture } from '../../export/testing/exportFixture.js';
import { xmlSchemaErrors } from '../../testing/validateXml.js';
import { docxParagraphs } from '../../export/testing/docxParagraphs.js';
import { failure } from '../../testing/failure.js';
import { recordJobEvents } from '../../testing/jobEvents.js';
import { actAs } from '../../testing/actAs.js';

const fixtures: ExportFixture[] = [];
afterEach(() => {
  while (fixtures.length > 0) fixtures.pop()!.cleanup();
});
async function fixture(...args: Parameters<typeof exportFixture>): Promise<ExportFixture> {
  const f = await exportFixture(...args);
  fixtures.push(f);
  return f;
}

const ARTICLE = ['# Storm hits the coast', 'The storm closed roads on Monday.', 'Advertisement', 'Schools stay open.'];

function table(f: ExportFixture, sql: string): Record<string, unknown>[] {
  const db = new Database(f.backend.dbPath, { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

describe('setParagraphsExcluded', () => {
  it('a translator excludes a paragraph; it is recorded (who, role, when), skipped by MT and bulk sign-off, and included again', async () => {
    const f = await fixture(ARTICLE, { translate: false });
    const { api } = f.backend;
    const ids = f.doc.paragraphs.map((p) => p.id);

    const change = await api.setParagraphsExcluded({ paragraphIds: [ids[2]!], excluded: true });
    expect(change.signOffsWithdrawn).toEqual([]);
    expect(change.paragraphs.map((p) => p.excluded)).toEqual([
      { at: '2026-03-01T10:00:00.000Z', name: 'Tomás Translator', role: 'translator', origin: 'human' },
    ]);
    // Asking again changes nothing and records nothing.
    expect(await api.setParagraphsExcluded({ paragraphIds: [ids[2]!], excluded: true })).toEqual({
      paragraphs: [],
      signOffsWithdrawn: [],
      unchanged: [3],
    });

    // MT leaves it alone.
    const log = recordJobEvents(f.backend.events);
    const job = await api.translateParagraphs({ documentId: f.doc.id });
    expect(job.total).toBe(3);
    await log.final(job.jobId);
    log.stop();
    let doc = await api.getDocument({ documentId: f.doc.id });
    expect(doc.paragraphs.map((p) => p.status)).toEqual(['machine', 'machine', 'new', 'machine']);

    // Bulk sign-off skips it and says why; the all-or-nothing one refuses it.
    await api.confirmParagraphs({ paragraphIds: [ids[0]!, ids[1]!, ids[3]!] });
    await actAs(api, { name: 'Elena Editor', role: 'editor' });
    expect(await failure(api.signOffParagraphs({ paragraphIds: ids }))).toMatchObject({
      code: 'PARAGRAPH_EXCLUDED',
      details: { paragraphs: [3] },
    });
    const summary = await api.signOffReviewed({ paragraphIds: ids });
    expect(summary.signedOff).toHaveLength(3);
    expect(summary.skipped).toEqual([{ paragraphId: ids[2], number: 3, reason: 'excluded', issues: [] }]);

    // The history names who excluded it; include records who included it.
    await api.setParagraphsExcluded({ paragraphIds: [ids[2]!], excluded: false });
    doc = await api.getDocument({ documentId: f.doc.id });
    expect(doc.paragraphs[2]!.excluded).toBeUndefined();
    const history = await api.getParagraphHistory({ paragraphId: ids[2]! });
    expect(history.entries.map((e) => [e.action, e.authorName, e.role, e.origin])).toEqual([
      ['import', 'Tomás Translator', 'translator', 'import'],
      ['exclude', 'Tomás Translator', 'translator', 'human'],
      ['include', 'Elena Editor', 'editor', 'human'],
    ]);
    // Neither is a text change: the undo history does not see them.
    expect(history.canUndo).toBe(false);
  });

  it('excluding a signed-off paragraph takes an editor who says so; the sign-off is withdrawn, recorded, and leaves the TM', async () => {
    const f = await fixture(ARTICLE);
    const { api } = f.backend;
    const id = f.doc.paragraphs[2]!.id;
    expect(table(f, `SELECT count(*) AS n FROM tm_units WHERE paragraph_id = '${id}'`)).toEqual([{ n: 1 }]);
    const before = table(f, 'SELECT * FROM revisions ORDER BY id');

    await actAs(api, { name: 'Tomás Translator', role: 'translator' });
    expect(await failure(api.setParagraphsExcluded({ paragraphIds: [id], excluded: true, withdrawSignOffs: true }))).toMatchObject({
      code: 'ROLE_FORBIDDEN',
      details: { paragraphs: [3] },
    });
    await actAs(api, { name: 'Elena Editor', role: 'editor' });
    expect(await failure(api.setParagraphsExcluded({ paragraphIds: [id], excluded: true }))).toMatchObject({
      code: 'EXCLUDE_WITHDRAWS_SIGN_OFF',
      details: { count: 1, paragraphs: [3] },
    });
    // Refused: nothing changed.
    expect(table(f, 'SELECT * FROM revisions ORDER BY id')).toEqual(before);
    expect((await api.getDocument({ documentId: f.doc.id })).paragraphs[2]!.status).toBe('signed-off');

    const change = await api.setParagraphsExcluded({ paragraphIds: [id], excluded: true, withdrawSignOffs: true });
    expect(change.signOffsWithdrawn).toEqual([3]);
    expect(change.paragraphs[0]).toMatchObject({ status: 'translated', signOff: null, excluded: { name: 'Elena Editor', role: 'editor' } });
    const history = await api.getParagraphHistory({ paragraphId: id });
    expect(history.entries.slice(-2).map((e) => [e.action, e.statusBefore, e.statusAfter, e.authorName])).toEqual([
      ['sign-off-withdrawn', 'signed-off', 'translated', 'Elena Editor'],
      ['exclude', 'translated', 'translated', 'Elena Editor'],
    ]);
    expect(table(f, `SELECT count(*) AS n FROM tm_units WHERE paragraph_id = '${id}'`)).toEqual([{ n: 0 }]);
    // Including it again asks for a new sign-off: nothing comes back silently.
    const back = await api.setParagraphsExcluded({ paragraphIds: [id], excluded: false });
    expect(back.paragraphs[0]).toMatchObject({ status: 'translated', signOff: null });
    expect(back.paragraphs[0]!.excluded).toBeUndefined();
  });

  it('refuses unknown paragraphs and changes nothing', async () => {
    const f = await fixture(ARTICLE, { translate: false });
    const err = await failure(f.backend.api.setParagraphsExcluded({ paragraphIds: [f.doc.paragraphs[0]!.id, 'ghost'], excluded: true }));
    expect(err.code).toBe('PARAGRAPH_NOT_FOUND');
    expect((await f.backend.api.getDocument({ documentId: f.doc.id })).paragraphs.every((p) => p.excluded === undefined)).toBe(true);
  });
});

describe('export of excluded paragraphs', () => {
  async function excludedAdvert(): Promise<ExportFixture> {
    // Signed off except the advert, which an editor excluded (withdrawing its sign-off).
    const f = await fixture(ARTICLE);
    await f.backend.api.setParagraphsExcluded({ paragraphIds: [f.doc.paragraphs[2]!.id], excluded: true, withdrawSignOffs: true });
    return f;
  }

  it('the publish gate treats them as done; publish-ready text leaves them out, or keeps their source, by the document’s choice', async () => {
    const f = await excludedAdvert();
    const { api } = f.backend;
    expect(await api.getExclusionSettings({ documentId: f.doc.id })).toEqual({ excludedExport: 'omit' });
    const txt = await api.exportFile({ documentId: f.doc.id, format: 'txt', mode: 'publish' });
    expect(txt.content).toMatch(/^Storm hits the coast\n\nMT The storm closed roads on Monday\.\n\nMT Schools stay open\.\n\n/);
    expect(txt.content).not.toContain('Advertisement');

    expect(await api.setExclusionSettings({ documentId: f.doc.id, excludedExport: 'source' })).toEqual({ excludedExport: 'source' });
    const kept = await api.exportFile({ documentId: f.doc.id, format: 'md', mode: 'publish' });
    expect(kept.content).toMatch(
      /^# Storm hits the coast\n\nMT The storm closed roads on Monday\.\n\nAdvertisement\n\nMT Schools stay open\.\n\n/,
    );
    const html = await api.exportFile({ documentId: f.doc.id, format: 'html', mode: 'publish' });
    expect(html.content).toContain('<p>Advertisement</p>');
    const docx = await api.exportFile({ documentId: f.doc.id, format: 'docx', mode: 'publish' });
    expect(docxParagraphs(Buffer.from(docx.content, 'base64')).map((p) => p.text)).toContain('Advertisement');

    // The choice is stored with the document (it survives a restart of the backend's services).
    expect(table(f, 'SELECT excluded_export FROM exclusion_documents')).toEqual([{ excluded_export: 'source' }]);
    // A draft counts only the paragraphs to translate.
    const draft = await api.exportFile({ documentId: f.doc.id, format: 'txt', mode: 'draft' });
    expect(draft.content.split('\n')[0]).toBe('BORRADOR — no aprobado para su publicación (párrafos aprobados: 3 de 3)');
  });

  it('TMX never holds them; the attestation leaves them out; provenance marks them', async () => {
    const f = await excludedAdvert();
    const { api } = f.backend;
    const tmx = await api.exportFile({ documentId: f.doc.id, format: 'tmx', mode: 'publish' });
    expect(tmx.content).not.toContain('Advertisement');
    expect(tmx.content.split('<tu ').length - 1).toBe(3);
    expect(xmlSchemaErrors(tmx.content, 'tmx14')).toBeNull();
    const attestation = await api.exportFile({ documentId: f.doc.id, format: 'attestation', mode: 'publish' });
    expect(attestation.content).not.toContain('Advertisement');
    expect(attestation.content).toContain('"humanReviewComplete": true');
    const provenance = JSON.parse((await api.exportFile({ documentId: f.doc.id, format: 'provenance', mode: 'publish' })).content) as {
      paragraphs: { number: number; excluded?: boolean }[];
    };
    expect(provenance.paragraphs.map((p) => p.excluded ?? false)).toEqual([false, false, true, false]);
  });

  it('XLIFF 1.2 and 2.0 mark them translate="no" (valid against the official schemas) and import reads them back as excluded', async () => {
    const f = await excludedAdvert();
    const { api } = f.backend;
    const x12 = (await api.exportFile({ documentId: f.doc.id, format: 'xliff12', mode: 'publish' })).content;
    const x20 = (await api.exportFile({ documentId: f.doc.id, format: 'xliff20', mode: 'publish' })).content;
    expect(xmlSchemaErrors(x12, 'xliff12')).toBeNull();
    expect(xmlSchemaErrors(x20, 'xliff20')).toBeNull();
    expect(x12.match(/<trans-unit [^>]*>/g)!.map((t) => t.includes('translate="no"'))).toEqual([false, false, true, false]);
    expect(x20.match(/<unit [^>]*>/g)!.map((t) => t.includes('translate="no"'))).toEqual([false, false, true, false]);

    for (const [name, content] of [
      ['story.xlf', x12],
      ['story.xliff', x20],
    ] as const) {
      const imported = await api.importDocument({
        source: { kind: 'file', fileName: name, dataBase64: Buffer.from(content).toString('base64') },
        sourceLang: 'en',
        targetLang: 'es',
      });
      expect(imported.paragraphs.map((p) => p.source)).toEqual([
        'Storm hits the coast',
        'The storm closed roads on Monday.',
        'Advertisement',
        'Schools stay open.',
      ]);
      expect(imported.paragraphs.map((p) => p.excluded?.origin ?? null)).toEqual([null, null, 'import', null]);
      const history = await api.getParagraphHistory({ paragraphId: imported.paragraphs[2]!.id });
      expect(history.entries.map((e) => [e.action, e.origin])).toContainEqual(['exclude', 'import']);
      // Never a paragraph to translate: MT skips it (it keeps the MT origin it had, issue 12, untouched).
      const before = (await api.getDocument({ documentId: imported.id })).paragraphs[2]!;
      const log = recordJobEvents(f.backend.events);
      const job = await api.translateParagraphs({ documentId: imported.id });
      if (job.total > 0) await log.final(job.jobId);
      log.stop();
      const after = (await api.getDocument({ documentId: imported.id })).paragraphs[2]!;
      expect([after.target, after.mt, after.status]).toEqual([before.target, before.mt, before.status]);
      expect((await api.getParagraphHistory({ paragraphId: after.id })).entries).toHaveLength(history.entries.length);
    }
  });
});
