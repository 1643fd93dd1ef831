/**
 * Issue 16, switching team server, in browser mode on a real PostgreSQL: a member's team database
 * is re-created by the admin (a new team id) while one of her changes waits offline. Settings →
 * Team says so, with the count, and syncs nothing; "Forget and keep my local copy" gives the
 * waiting change up (the document keeps its text) and she joins the new team.
 */
import pg from 'pg';
import { test, expect } from './support/fixtures.js';
import { makeDataDir, removeDataDir, startServer } from './support/server.js';
import { invoke, importMarkdown } from './support/api.js';
import { VersoPage } from './support/versoPage.js';
import { startTcpProxy } from './support/tcpProxy.js';
import { adminUrl as teamAdminUrl, createTeamDatabase, registerMember, verso } from './support/teamMember.js';
import { startPgCluster, type PgCluster } from '../main/team/server/testing/pgCluster.js';
import type { DocumentDetail } from '../shared/types.js';

let cluster: PgCluster;
test.beforeAll(async () => {
  cluster = await startPgCluster();
});
test.afterAll(() => cluster?.stop());

const adminUrl = (database: string) => teamAdminUrl(cluster, database);

test('a re-created team database while a change waits: told how many, then Forget and keep my local copy', async ({ browser }) => {
  test.setTimeout(180_000);
  const database = await createTeamDatabase(cluster, 'switch');
  const init = () => expect(verso(['team', 'init', adminUrl(database)])).toContain('applied migration 2 (team-id)');

  const dataDir = makeDataDir();
  const server = await startServer(dataDir);
  const proxy = await startTcpProxy(cluster.port);
  const page = await (await browser.newContext()).newPage();
  try {
    await invoke(server, 'setProfile', { name: 'Tina', role: 'translator' });
    const register = () => registerMember(cluster, database, { name: 'Tina', role: 'translator', server }, 'tina_switch');
    const login = await register();

    await new VersoPage(page).open(server.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    const team = page.getByRole('region', { name: 'Team' });
    const connect = async () => {
      await team.getByLabel('Server address').fill('127.0.0.1');
      await team.getByLabel('Port').fill(String(proxy.port));
      await team.getByLabel('Database').fill(database);
      await team.getByLabel('User name').fill(login.user);
      await team.getByLabel('Password').fill(login.password);
      await team.getByLabel('Connection security').selectOption({ label: 'No TLS (only to this computer)' });
      await team.getByRole('button', { name: 'Connect' }).click();
      await expect(team.getByRole('status')).toHaveText('Team server: online. 0 changes waiting.', { timeout: 20_000 });
    };
    await connect();
    const doc = await importMarkdown(server, 'Kept locally.', 'en', 'es', 'Switch');
    await expect(team.getByRole('status')).toHaveText('Team server: online. 0 changes waiting.', { timeout: 20_000 });

    // Offline, Tina translates; meanwhile the admin re-creates the team database.
    proxy.cut();
    await invoke(server, 'updateParagraphTarget', { paragraphId: doc.paragraphs[0]!.id, target: 'Guardado en local.' });
    const drop = new pg.Client({ connectionString: adminUrl(database) });
    await drop.connect();
    await drop.query('DROP SCHEMA verso CASCADE');
    await drop.end();
    init();
    await register();
    proxy.restore();

    await team.getByRole('button', { name: 'Sync now' }).click();
    // The edit is one or more changes (the edit, and its confirm when the editor confirms it).
    const waiting = (await invoke<{ waiting: number }>(server, 'getTeamStatus', {})).waiting;
    expect(waiting).toBeGreaterThan(0);
    await expect(team.getByRole('alert')).toHaveText(
      new RegExp(
        `^${waiting} changes? (is|are) waiting for the team this library synced with before\\. This server is another team \\(or its database was re-created\\), so nothing syncs until`,
      ),
      { timeout: 20_000 },
    );
    await expect(team.getByRole('status')).toHaveText(`Team server: offline. ${waiting} change${waiting === 1 ? '' : 's'} waiting.`);

    await team.getByRole('button', { name: 'Forget and keep my local copy' }).click();
    await expect(team.getByText(/^The team server and this library's team state were forgotten/)).toBeVisible();
    await expect(team.getByRole('status')).toHaveText('Team server: not connected to a team. 0 changes waiting.');
    const stored = await invoke<DocumentDetail>(server, 'getDocument', { documentId: doc.id });
    expect(stored.paragraphs[0]!.target).toBe('Guardado en local.');

    await connect();
    await expect(team.getByRole('alert')).toHaveCount(0);
  } finally {
    await page.context().close();
    await server.stop();
    await removeDataDir(dataDir);
    await proxy.close();
  }
});
