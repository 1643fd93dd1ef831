/**
 * Issue 16, a re-import in a team, in browser mode: two Verso instances and one real PostgreSQL.
 * The translator re-imports an updated article with the Re-import form; the editor, with the
 * document open, sees the new paragraph, the changed one reopened (its old source shown) and the
 * removed one gone, live, and the translation of the unchanged paragraph kept.
 */
import { test, expect } from './support/fixtures.js';
import { importMarkdown, invoke } from './support/api.js';
import { createTeamDatabase, startTeamMember, type TeamMemberInstance } from './support/teamMember.js';
import { startPgCluster, type PgCluster } from '../main/team/server/testing/pgCluster.js';

let cluster: PgCluster;
test.beforeAll(async () => {
  cluster = await startPgCluster();
});
test.afterAll(() => cluster?.stop());

const ORIGINAL = [
  'The storm hit the northern coast on Sunday night.',
  'Schools in the region will stay closed on Monday.',
  'The mayor asked residents to avoid the beaches.',
].join('\n\n');
const REVISED = [
  'The storm hit the northern coast on Sunday night.',
  'Schools in the region will stay closed on Monday and Tuesday.',
  'Emergency shelters opened in three towns.',
].join('\n\n');

test('a re-import by the translator reaches the editor live: new, reopened and removed paragraphs', async ({ browser }) => {
  test.setTimeout(180_000);
  const database = await createTeamDatabase(cluster, 'reimport');
  const members: TeamMemberInstance[] = [];
  try {
    const tina = await startTeamMember(browser, cluster, database, 'Tina', 'translator');
    members.push(tina);
    const eddie = await startTeamMember(browser, cluster, database, 'Eddie', 'editor');
    members.push(eddie);

    const doc = await importMarkdown(tina.server, ORIGINAL, 'en', 'es', 'Storm');
    await invoke(tina.server, 'updateParagraphTarget', { paragraphId: doc.paragraphs[0]!.id, target: 'La tormenta azotó la costa norte.' });
    await invoke(tina.server, 'updateParagraphTarget', {
      paragraphId: doc.paragraphs[1]!.id,
      target: 'Las escuelas seguirán cerradas el lunes.',
    });
    for (const m of [tina, eddie]) {
      await m.page.getByRole('button', { name: 'Back', exact: true }).click();
      await expect(m.page.getByRole('button', { name: 'Storm' })).toBeVisible({ timeout: 20_000 });
      await m.page.getByRole('button', { name: 'Storm' }).click();
    }
    await expect(eddie.app.translation(1)).toHaveValue('Las escuelas seguirán cerradas el lunes.', { timeout: 20_000 });
    await expect(eddie.app.row(2)).toContainText('The mayor asked residents');

    // Tina re-imports the updated article with the Re-import form.
    await tina.page.getByRole('button', { name: 'Re-import source' }).click();
    await tina.page
      .getByLabel('Revised source file')
      .setInputFiles({ name: 'storm-v2.md', mimeType: 'text/markdown', buffer: Buffer.from(REVISED) });
    await tina.page.getByRole('button', { name: 'Re-import', exact: true }).click();
    await expect(tina.page.locator('.reimport-summary')).toContainText('Changed and reopened: paragraphs 2.');

    // Eddie's open editor follows without him doing anything.
    await expect(eddie.app.row(2)).toContainText('Emergency shelters opened in three towns.', { timeout: 30_000 });
    await expect(eddie.app.rows()).toHaveCount(3);
    await expect(eddie.app.rows().filter({ hasText: 'The mayor asked residents' })).toHaveCount(0);
    // The removed paragraph is archived on his side too, and listed beside the paragraphs.
    await eddie.page.getByText('Removed by re-imports: 1 paragraph').click();
    await expect(eddie.page.getByRole('list', { name: 'Removed by re-imports: 1 paragraph' })).toContainText('The mayor asked residents');
    await expect(eddie.app.row(1)).toContainText('Monday and Tuesday');
    await expect(eddie.app.row(1).getByTestId('reopened-source')).toContainText('Source changed in a re-import');
    await expect(eddie.app.translation(1)).toHaveValue('Las escuelas seguirán cerradas el lunes.');
    await expect(eddie.app.translation(0)).toHaveValue('La tormenta azotó la costa norte.');
    await expect(eddie.app.translation(2)).toHaveValue('');
    await expect
      .poll(async () => (await invoke<{ waiting: number }>(tina.server, 'getTeamStatus', {})).waiting, { timeout: 20_000 })
      .toBe(0);
  } finally {
    for (const m of members) await m.close();
  }
});
