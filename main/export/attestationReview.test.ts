/**
 * The attestation does not overstate the review (issue 12, "The attestation overstates the
 * review"): fast sign-offs, QA errors overridden (with their reasons) and sign-offs with no
 * reading signal are stated per paragraph, and `humanReviewComplete` is true only when every
 * paragraph was signed off on its current text with a reading time recorded and no fast-sign-off
 * flag; otherwise
 * `reviewGaps` says what is missing. Signers are marked self-declared.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { exportFixture, type ExportFixture } from './testing/exportFixture.js';
import { actAs } from '../testing/actAs.js';

const fixtures: ExportFixture[] = [];
afterEach(() => {
  while (fixtures.length > 0) fixtures.pop()!.cleanup();
});

interface Part {
  position: number;
  signedOffBy?: { name: string; role: string; identity: string };
  fastSignOff?: boolean;
  dwellMs?: number;
  diffViewed?: boolean;
  reviewSignal?: string;
  qaOverride?: { reason: string; issues: string[] };
}
interface Attestation {
  humanReviewComplete: boolean;
  reviewGaps: string[];
  qaErrorsOverridden: number[];
  hasPart: Part[];
}

async function confirmedArticle(paragraphs: string[]): Promise<ExportFixture> {
  const f = await exportFixture(paragraphs, { signOff: false });
  fixtures.push(f);
  await actAs(f.backend.api, { name: 'Elena Editor', role: 'editor' });
  return f;
}

async function attestation(f: ExportFixture): Promise<Attestation> {
  return JSON.parse(
    (await f.backend.api.exportFile({ documentId: f.doc.id, format: 'attestation', mode: 'publish' })).content,
  ) as Attestation;
}

describe('an honest attestation', () => {
  it('fast sign-offs make the review incomplete and are named, per paragraph and in the gaps', async () => {
    const f = await confirmedArticle([
      'The storm closed the roads on Monday morning.',
      'Schools will stay open all week, officials said.',
      'Power is back.',
    ]);
    const ids = f.doc.paragraphs.map((p) => p.id);
    await f.read(ids[0]!, 300);
    await f.read(ids[1]!, 300);
    await f.read(ids[2]!, 60_000);
    // Only paragraph 3's diff was opened (the editor reports it); the client's claims are not what is recorded.
    await f.backend.api.reportDiffViewed({ paragraphId: ids[2]! });
    const claimed = ids.map((paragraphId) => ({ paragraphId, dwellMs: 86_400_000, diffViewed: true }));
    const result = await f.backend.api.signOffReviewed({ paragraphIds: ids, review: claimed });
    expect(result.signedOff).toHaveLength(3);
    const value = await attestation(f);
    expect(value.humanReviewComplete).toBe(false);
    expect(value.reviewGaps).toEqual(['Signed off faster than reading speed: paragraphs 1, 2.']);
    expect(value.hasPart.map((p) => p.fastSignOff)).toEqual([true, true, false]);
    expect(value.hasPart.map((p) => p.diffViewed)).toEqual([false, false, true]);
    expect(value.hasPart[0]).toMatchObject({
      dwellMs: 300,
      signedOffBy: { name: 'Elena Editor', role: 'editor', identity: 'self-declared' },
    });
  });

  it('a QA override is stated with its reason; careful sign-offs of every paragraph make it complete', async () => {
    const f = await confirmedArticle(['In 2024, 300 people came.', 'The house is red.']);
    const ids = f.doc.paragraphs.map((p) => p.id);
    // The MT stand-in keeps the numbers; an edit that drops them is a QA error.
    await actAs(f.backend.api, { name: 'Tomás Translator', role: 'translator' });
    await f.backend.api.updateParagraphTarget({ paragraphId: ids[0]!, target: 'Vino mucha gente.' });
    await f.backend.api.confirmParagraphs({ paragraphIds: [ids[0]!] });
    await actAs(f.backend.api, { name: 'Elena Editor', role: 'editor' });
    await f.read(ids[0]!, 60_000);
    await f.read(ids[1]!, 60_000);
    await f.backend.api.signOffReviewed({
      paragraphIds: ids,
      overrides: [{ paragraphId: ids[0]!, reason: 'The organisers gave no figure.' }],
    });
    const value = await attestation(f);
    expect(value.humanReviewComplete).toBe(true);
    expect(value.reviewGaps).toEqual([]);
    expect(value.qaErrorsOverridden).toEqual([1]);
    expect(value.hasPart[0]!.qaOverride!.reason).toBe('The organisers gave no figure.');
    expect(value.hasPart[0]!.qaOverride!.issues.length).toBeGreaterThan(0);
    expect(value.hasPart[1]!.qaOverride).toBeUndefined();
  });

  it('a sign-off that recorded no reading signal says so, and the review is not complete', async () => {
    const f = await confirmedArticle(['The house is red.']);
    const ids = f.doc.paragraphs.map((p) => p.id);
    // A sign-off from before Verso recorded reading time (a library from an older version): the
    // signal row is simply not there.
    await f.backend.api.signOffParagraphs({ paragraphIds: ids });
    const db = new Database(f.backend.dbPath);
    expect(db.prepare('DELETE FROM workflow_signoff_reviews WHERE paragraph_id = ?').run(ids[0]!).changes).toBe(1);
    db.close();
    const value = await attestation(f);
    expect(value.hasPart[0]).toMatchObject({ reviewSignal: 'not recorded' });
    expect(value.hasPart[0]!.fastSignOff).toBeUndefined();
    expect(value.humanReviewComplete).toBe(false);
    expect(value.reviewGaps).toEqual(['Signed off with no reading time recorded: paragraph 1.']);
  });
});
