/**
 * Issue 16 in browser mode: two Verso instances (two data directories, as on two machines) and one
 * real PostgreSQL. The admin sets the team up with the CLI (`verso team init`, `verso team add-user`
 * with each member's public key from Settings → Signing key); each member connects in Settings →
 * Team. The translator works offline (her connection cut by a proxy), reconnects; the editor sees
 * the edit live, signs off; the translator sees the sign-off. Two edits of one paragraph from the
 * same base become a Conflict on both screens, resolved with Keep mine.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Browser, Page } from '@playwright/test';
import { test, expect } from './support/fixtures.js';
import { makeDataDir, removeDataDir, startServer, type RunningServer } from './support/server.js';
import { invoke, importMarkdown } from './support/api.js';
import { VersoPage } from './support/versoPage.js';
import { startTcpProxy, type TcpProxy } from './support/tcpProxy.js';
import { startPgCluster, type PgCluster } from '../main/team/server/testing/pgCluster.js';
import type { DocumentDetail } from '../shared/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, process.env.VERSO_DIST || 'dist', 'main/cli.cjs');

let cluster: PgCluster;
test.beforeAll(async () => {
  cluster = await startPgCluster();
});
test.afterAll(() => cluster?.stop());

function verso(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', input, timeout: 60_000, env: { ...process.env } });
  if (r.status !== 0) throw new Error(`verso ${args.join(' ')} exited with ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

interface Member {
  server: RunningServer;
  page: Page;
  app: VersoPage;
  dataDir: string;
}

async function member(browser: Browser, name: string, role: 'translator' | 'editor', database: string, port: number): Promise<Member> {
  const dataDir = makeDataDir();
  // A passphrase for the signing key: the key the admin registers must outlive this run.
  const server = await startServer(dataDir, { VERSO_SIGNING_PASSPHRASE: `passphrase of ${name}` });
  await invoke(server, 'setProfile', { name, role });
  const { publicKeyPem } = await invoke<{ publicKeyPem: string }>(server, 'getSigningPublicKey', {});
  const keyFile = path.join(os.tmpdir(), `verso-e2e-${name}-${process.pid}.pem`);
  fs.writeFileSync(keyFile, publicKeyPem);
  const password = `${name}-password-1`;
  verso(
    [
      'team',
      'add-user',
      name.toLowerCase(),
      '--role',
      role,
      '--public-key',
      keyFile,
      '--display-name',
      name,
      '--password-stdin',
      '--url',
      adminUrl(database),
    ],
    `${password}\n`,
  );
  fs.rmSync(keyFile);

  const page = await (await browser.newContext()).newPage();
  const app = new VersoPage(page);
  await app.open(server.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const team = page.getByRole('region', { name: 'Team' });
  await team.getByLabel('Server address').fill('127.0.0.1');
  await team.getByLabel('Port').fill(String(port));
  await team.getByLabel('Database').fill(database);
  await team.getByLabel('User name').fill(name.toLowerCase());
  await team.getByLabel('Password').fill(password);
  await team.getByLabel('Connection security').selectOption({ label: 'No TLS (only to this computer)' });
  await team.getByRole('button', { name: 'Connect' }).click();
  await expect(team.getByRole('status')).toContainText('online', { timeout: 20_000 });
  await expect(team.getByText(`You are ${name} (${name.toLowerCase()}), ${role} in this team.`)).toBeVisible();
  return { server, page, app, dataDir };
}

function adminUrl(database: string): string {
  const u = new URL(cluster.url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** From Settings to the document's editor. */
async function openDocument(m: Member, title: string) {
  await m.page.getByRole('button', { name: 'Back', exact: true }).click();
  await m.page.getByRole('button', { name: title }).click();
  await expect(m.app.rows().first()).toBeVisible();
}

test('translator offline, editor live, sign-off both ways, a conflict resolved with Keep mine', async ({ browser }) => {
  test.setTimeout(240_000);
  const database = `newsroom_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  expect(verso(['team', 'init', adminUrl(database)])).toContain('applied migration 1');

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
      await m.page.context().close();
      await m.server.stop();
      await removeDataDir(m.dataDir);
    }
    await proxy.close();
  }
});

async function storedTarget(server: RunningServer, doc: DocumentDetail, index: number): Promise<string> {
  const stored = await invoke<DocumentDetail>(server, 'getDocument', { documentId: doc.id });
  return stored.paragraphs[index]!.target;
}
