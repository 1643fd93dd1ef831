/**
 * The review is measured by Verso, not asserted by the client (issue 12, "The attestation
 * overstates the review"): an editor who signs off through the API claiming a day of reading on a
 * paragraph nobody had on screen gets a fast sign-off in the history, and the exported attestation
 * says the review is not complete and why. Reading the paragraph in the editor first makes it so.
 */
import { test, expect } from './support/fixtures.js';
import { downloadText, VersoPage } from './support/versoPage.js';
import { callApi } from './support/bridgeApi.js';

interface Detail {
  id: string;
  paragraphs: { id: string }[];
}

test('a claimed reading time is not recorded; the attestation names the fast sign-off and what is missing', async ({ page, server }) => {
  await callApi(server, 'setProfile', { name: 'Tomás Translator', role: 'translator' });
  await callApi(server, 'updateSettings', { publisher: 'Diario Ejemplo', contactEmail: 'redaccion@example.org', footerPolicy: 'always' });
  const doc = await callApi<Detail>(server, 'importDocument', {
    source: { kind: 'text', text: 'The storm closed the roads on Monday morning.\n\nSchools stay open.', format: 'txt' },
    sourceLang: 'en',
    targetLang: 'es',
    title: 'Storm',
  });
  const [first, second] = doc.paragraphs.map((p) => p.id) as [string, string];
  await callApi(server, 'updateParagraphTarget', {
    paragraphId: first,
    target: 'La tormenta cerró las carreteras el lunes por la mañana.',
  });
  await callApi(server, 'updateParagraphTarget', { paragraphId: second, target: 'Las escuelas siguen abiertas.' });
  await callApi(server, 'confirmParagraphs', { paragraphIds: [first, second] });
  await callApi(server, 'setProfile', { name: 'Elena Editor', role: 'editor' });
  // Nobody had paragraph 1 on screen; the caller claims a day of reading.
  await callApi(server, 'signOffReviewed', {
    paragraphIds: [first],
    review: [{ paragraphId: first, dwellMs: 86_400_000, diffViewed: true }],
  });

  const app = new VersoPage(page);
  await app.open(server.url);
  await page.getByRole('button', { name: 'Storm' }).click();
  await expect(app.rows()).toHaveCount(2);
  await app.row(0).getByRole('button', { name: 'History' }).click();
  await expect(app.row(0).getByRole('region', { name: 'History of paragraph 1' })).toContainText(
    'Fast sign-off (faster than reading speed)',
  );
  // The caller also claimed the MT diff was viewed; nobody opened it in the editor.
  await expect(app.row(0).getByRole('region', { name: 'History of paragraph 1' })).toContainText('diff viewed: no');

  // Paragraph 2 is read in the editor (its box holds the focus long enough), then signed off.
  await app.translation(1).focus();
  await page.waitForTimeout(3_000); // reading time: three words need 1.5 s at 2 words a second
  await app.signOff(app.row(1).getByRole('button', { name: 'Sign off', exact: true }));
  await expect(app.progressText()).toContainText('2 of 2 signed off');

  await page.getByLabel('Export format').selectOption({ label: 'Review attestation (JSON-LD)' });
  await page.getByLabel('Export mode').selectOption({ label: 'Publish-ready' });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const attestation = JSON.parse(await downloadText(await download)) as {
    humanReviewComplete: boolean;
    reviewGaps: string[];
    hasPart: { fastSignOff?: boolean; dwellMs?: number; signedOffBy?: { identity: string } }[];
  };
  expect(attestation.humanReviewComplete).toBe(false);
  expect(attestation.reviewGaps).toEqual(['Signed off faster than reading speed: paragraph 1.']);
  expect(attestation.hasPart[0]).toMatchObject({ fastSignOff: true, signedOffBy: { identity: 'self-declared' } });
  expect(attestation.hasPart[0]!.dwellMs).toBeLessThan(86_400_000);
  expect(attestation.hasPart[1]!.fastSignOff).toBe(false);
});

test('"diff viewed" is recorded when the editor opens the MT diff in the editor', async ({ page, server }) => {
  await callApi(server, 'setProfile', { name: 'Elena Editor', role: 'editor' });
  await callApi(server, 'importDocument', {
    source: { kind: 'text', text: 'The house is red.\n\nThe dog is small.', format: 'txt' },
    sourceLang: 'en',
    targetLang: 'es',
    title: 'Houses',
  });
  const app = new VersoPage(page);
  await app.open(server.url);
  await page.getByRole('button', { name: 'Houses' }).click();
  await expect(app.rows()).toHaveCount(2);
  await app.translateAll();
  await expect(app.row(1)).toContainText('Machine translation');

  // Paragraph 1: its diff is opened, then it is signed off; paragraph 2 only read.
  await app.row(0).getByRole('button', { name: 'Three-way diff' }).click();
  await app.translation(0).focus();
  await page.waitForTimeout(2_500);
  await app.signOff(app.row(0).getByRole('button', { name: 'Sign off', exact: true }));
  await app.translation(1).focus();
  await page.waitForTimeout(2_500);
  await app.signOff(app.row(1).getByRole('button', { name: 'Sign off', exact: true }));
  await expect(app.progressText()).toContainText('2 of 2 signed off');

  await app.row(0).getByRole('button', { name: 'History' }).click();
  await expect(app.row(0).getByRole('region', { name: 'History of paragraph 1' })).toContainText('diff viewed: yes');
  await app.row(1).getByRole('button', { name: 'History' }).click();
  await expect(app.row(1).getByRole('region', { name: 'History of paragraph 2' })).toContainText('diff viewed: no');
});
