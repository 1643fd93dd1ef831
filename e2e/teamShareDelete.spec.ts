/**
 * Issue 16 in browser mode, documents made before joining and deletions: two Verso instances (two
 * data directories) and one real PostgreSQL. The editor's library had two articles before he
 * connected: Connect shares them (Settings → Team says so) and the translator gets both. Her Delete
 * of a team article says at once that only a team editor or admin may, and offers only Cancel; the editor's Delete
 * reaches her library live. An article she translated offline while he deleted it is kept in her
 * library (Settings → Team says why); Share again gives it back to the team, with her translation.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures.js';
import type { RunningServer } from './support/server.js';
import { invoke, importMarkdown } from './support/api.js';
import { VersoPage } from './support/versoPage.js';
import { startTcpProxy, type TcpProxy } from './support/tcpProxy.js';
import { connectInSettings, createTeamDatabase, registerMember, startInstance, type TeamMemberInstance } from './support/teamMember.js';
import { startPgCluster, type PgCluster } from '../main/team/server/testing/pgCluster.js';
import type { DocumentDetail } from '../shared/types.js';

let cluster: PgCluster;
test.beforeAll(async () => {
  cluster = await startPgCluster();
});
test.afterAll(() => cluster?.stop());

type Member = TeamMemberInstance;

/** The admin adds the member (CLI, with the public key from the instance); the member connects in Settings → Team. */
async function join(m: Member, database: string, port = cluster.port): Promise<Locator> {
  return connectInSettings(m.page, database, port, await registerMember(cluster, database, m));
}

const item = (page: Page, title: string) =>
  page
    .getByRole('list', { name: 'Articles' })
    .locator(':scope > li')
    .filter({ has: page.getByRole('button', { name: title, exact: true }) });

async function deleteInLibrary(page: Page, title: string): Promise<Locator> {
  await item(page, title).getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: `Delete “${title}”?` });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  return dialog;
}

test('a library made before joining is shared on Connect; only an editor deletes a team article', async ({ browser }) => {
  test.setTimeout(180_000);
  const database = await createTeamDatabase(cluster, 'share');

  const members: Member[] = [];
  const proxy: TcpProxy = await startTcpProxy(cluster.port);
  try {
    // Eddie's library has two articles before it joins the team.
    const eddie = await startInstance(browser, 'Eddie', 'editor');
    members.push(eddie);
    await importMarkdown(eddie.server, 'The storm hit the coast.', 'en', 'es', 'Storm');
    await importMarkdown(eddie.server, 'Rain fell all night.', 'en', 'es', 'Rain');
    const eddieTeam = await join(eddie, database);
    await expect(eddieTeam.getByText('2 documents of this library are shared with the team.')).toBeVisible({ timeout: 20_000 });
    await expect(eddieTeam.getByRole('status')).toHaveText('Team server: online. 0 changes waiting.', { timeout: 20_000 });

    // Tina joins later: both articles are in her library.
    const tina = await startInstance(browser, 'Tina', 'translator');
    members.push(tina);
    const tinaTeam = await join(tina, database, proxy.port);
    await tina.page.getByRole('button', { name: 'Back', exact: true }).click();
    for (const title of ['Storm', 'Rain']) await expect(item(tina.page, title)).toHaveCount(1, { timeout: 20_000 });

    // Her dialog says at once that only a team editor or admin may delete it, and offers only Cancel.
    await item(tina.page, 'Rain').getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = tina.page.getByRole('alertdialog', { name: 'Delete “Rain”?' });
    await expect(dialog).toContainText(
      'This article is shared with your team: only an editor or an administrator of the team can delete it.',
    );
    await expect(dialog.getByRole('button')).toHaveText(['Cancel']);
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await tina.page.keyboard.press('Escape');
    await expect(item(tina.page, 'Rain')).toHaveCount(1);

    // Eddie deletes it: it leaves Tina's library without her doing anything.
    await eddie.page.getByRole('button', { name: 'Back', exact: true }).click();
    await deleteInLibrary(eddie.page, 'Rain');
    await expect(item(eddie.page, 'Rain')).toHaveCount(0);
    await expect(item(tina.page, 'Rain')).toHaveCount(0, { timeout: 20_000 });
    await expect(item(tina.page, 'Storm')).toHaveCount(1);

    // Tina translates Storm offline while Eddie deletes it: her library keeps it, and says why.
    proxy.cut();
    await tina.page.getByRole('button', { name: 'Storm', exact: true }).click();
    const tinaApp = new VersoPage(tina.page);
    await tinaApp.translation(0).fill('La tormenta azotó la costa.');
    await tinaApp.translation(0).blur();
    await expect.poll(() => target(tina.server, 'Storm')).toBe('La tormenta azotó la costa.');
    await deleteInLibrary(eddie.page, 'Storm');
    await expect(item(eddie.page, 'Storm')).toHaveCount(0);
    proxy.restore();
    await tina.page.getByRole('button', { name: 'Back to library' }).click();
    await tina.page.getByRole('button', { name: 'Settings' }).click();
    await tinaTeam.getByRole('button', { name: 'Sync now' }).click();
    await expect(
      tinaTeam.getByText('“Storm” was deleted in the team by Eddie, but it is kept in this library', { exact: false }),
    ).toBeVisible({ timeout: 30_000 });
    // Share again: Eddie gets it back, with her translation.
    await tinaTeam.getByRole('button', { name: 'Share “Storm” again with the team' }).click();
    await expect(tinaTeam.getByText('“Storm” is shared with the team again.')).toBeVisible();
    await expect(item(eddie.page, 'Storm')).toHaveCount(1, { timeout: 20_000 });
    await expect.poll(() => target(eddie.server, 'Storm'), { timeout: 20_000 }).toBe('La tormenta azotó la costa.');
  } finally {
    for (const m of members) {
      await m.close();
    }
    await proxy.close();
  }
});

/** The first paragraph's stored translation of the article with this title ('' when it is not in the library). */
async function target(server: RunningServer, title: string): Promise<string> {
  const items = await invoke<{ id: string; title: string }[]>(server, 'listLibrary', {});
  const found = items.find((i) => i.title === title);
  if (!found) return '';
  return (await invoke<DocumentDetail>(server, 'getDocument', { documentId: found.id })).paragraphs[0]!.target;
}
