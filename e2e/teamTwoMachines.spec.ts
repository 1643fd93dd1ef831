/**
 * Issue 16 in browser mode: two Verso instances (two data directories, as on two machines) and one
 * real PostgreSQL. The admin sets the team up with the CLI (`verso team init`, `verso team add-user`
 * with each member's public key from Settings → Signing key); each member connects in Settings →
 * Team. The translator works offline (her connection cut by a proxy), reconnects; the editor sees
 * the edit live, signs off; the translator sees the sign-off. Two edits of one paragraph from the
 * same base become a Conflict on both screens, resolved with Keep mine.
 */
import type { Browser } from '@playwright/test';
import { test, expect } from './support/fixtures.js';
import type { RunningServer } from './support/server.js';
import { invoke, importMarkdown } from './support/api.js';
import { startTcpProxy, type TcpProxy } from './support/tcpProxy.js';
import { createTeamDatabase, startTeamMember, type TeamMemberInstance } from './support/teamMember.js';
import { startPgCluster, type PgCluster } from '../main/team/server/testing/pgCluster.js';
import type { DocumentDetail } from '../shared/types.js';

let cluster: PgCluster;
test.beforeAll(async () => {
  cluster = await startPgCluster();
});
test.afterAll(() => cluster?.stop());

type Member = TeamMemberInstance;

async function member(browser: Browser, name: string, role: 'translator' | 'editor', database: string, port: number): Promise<Member> {
  const m = await startTeamMember(browser, cluster, database, name, role, port);
  const team = m.page.getByRole('region', { name: 'Team' });
  await expect(team.getByText(`You are ${name} (${name.toLowerCase()}), ${role} in this team.`)).toBeVisible();
  return m;
}

/** From Settings to the document's editor. */
async function openDocument(m: Member, title: string) {
  await m.page.getByRole('button', { name: 'Back', exact: true }).click();
  await m.page.getByRole('button', { name: title }).click();
  await expect(m.app.rows().first()).toBeVisible();
}

test('translator offline, editor live, sign-off both ways, a conflict resolved with Keep mine', async ({ browser }) => {
  test.setTimeout(240_000);
  const database = await createTeamDatabase(cluster, 'newsroom');

  const proxy: TcpProxy = await startTcpProxy(cluster.port);
  const members: Member[] = [];
  try {
    const tina = await member(browser, 'Tina', 'translator', database, proxy.port);
    members.push(tina);
    const eddie = await member(browser, 'Eddie', 'editor', database, cluster.port);
    members.push(eddie);

    const doc = await importMarkdown(tina.server, 'The storm hit the coast.\n\nSchools stay closed.', 'en', 'es', 'Storm');
    await eddie.page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(eddie.page.getByRole('button', { name: 'Storm' })).toBeVisible({ timeout: 20_000 });
    await eddie.page.getByRole('button', { name: 'Storm' }).click();
    await openDocument(tina, 'Storm');

    // Tina goes offline and translates paragraph 1; her work waits in her library.
    proxy.cut();
    await tina.app.translation(0).fill('La tormenta azotó la costa.');
    await tina.app.translation(0).blur();
    await tina.page.getByRole('button', { name: 'Back to library' }).click();
    await tina.page.getByRole('button', { name: 'Settings' }).click();
    const tinaTeam = tina.page.getByRole('region', { name: 'Team' });
    await expect(tinaTeam.getByRole('status')).toHaveText(/offline\. [1-9]\d* changes? waiting\./, { timeout: 30_000 });
    await expect(eddie.app.translation(0)).toHaveValue('');

    // Back online: the edit reaches Eddie's open editor without him doing anything.
    proxy.restore();
    await tinaTeam.getByRole('button', { name: 'Sync now' }).click();
    await expect(tinaTeam.getByRole('status')).toHaveText('Team server: online. 0 changes waiting.', { timeout: 30_000 });
    await expect(eddie.app.translation(0)).toHaveValue('La tormenta azotó la costa.', { timeout: 20_000 });

    // Eddie signs it off; Tina sees the sign-off.
    await eddie.app.signOff(eddie.app.row(0).getByRole('button', { name: 'Sign off' }));
    await expect(eddie.app.row(0).locator('.status-badge')).toHaveText('Signed off');
    await openDocument(tina, 'Storm');
    await expect(tina.app.row(0).locator('.status-badge')).toHaveText('Signed off', { timeout: 20_000 });

    // Both translate paragraph 2 from the same base while Tina is offline: a conflict on both screens.
    proxy.cut();
    await tina.app.translation(1).fill('Las escuelas siguen cerradas.');
    await tina.app.translation(1).blur();
    await eddie.app.translation(1).fill('Los colegios siguen cerrados.');
    await eddie.app.translation(1).blur();
    await expect.poll(async () => (await storedTarget(eddie.server, doc, 1)) === 'Los colegios siguen cerrados.').toBe(true);
    await expect
      .poll(async () => (await invoke<{ waiting: number }>(eddie.server, 'getTeamStatus', {})).waiting, { timeout: 20_000 })
      .toBe(0);
    proxy.restore();
    await invoke(tina.server, 'syncTeamNow', {});
    for (const m of [tina, eddie]) await expect(m.app.row(1).getByText('Conflict', { exact: true })).toBeVisible({ timeout: 30_000 });

    // Tina keeps hers; the conflict closes everywhere and both show her text.
    await tina.app.row(1).getByRole('button', { name: 'Keep mine' }).click();
    for (const m of [tina, eddie]) {
      await expect(m.app.row(1).getByText('Conflict', { exact: true })).toHaveCount(0, { timeout: 30_000 });
      await expect(m.app.translation(1)).toHaveValue('Las escuelas siguen cerradas.', { timeout: 20_000 });
    }
  } finally {
    for (const m of members) {
      await m.close();
    }
    await proxy.close();
  }
});

async function storedTarget(server: RunningServer, doc: DocumentDetail, index: number): Promise<string> {
  const stored = await invoke<DocumentDetail>(server, 'getDocument', { documentId: doc.id });
  return stored.paragraphs[index]!.target;
}
