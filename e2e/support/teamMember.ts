/**
 * A Verso instance as a team member in browser mode (its own data folder, as on its own machine):
 * the admin registers it with the CLI (`verso team add-user` with its public key), then the member
 * connects in Settings → Team. The team database is made and initialised by `createTeamDatabase`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Browser, Locator, Page } from '@playwright/test';
import { expect } from './fixtures.js';
import { makeDataDir, removeDataDir, startServer, type RunningServer } from './server.js';
import { invoke } from './api.js';
import { VersoPage } from './versoPage.js';
import type { PgCluster } from '../../main/team/server/testing/pgCluster.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, process.env.VERSO_DIST || 'dist', 'main/cli.cjs');

export function verso(args: string[], input?: string): string {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', input, timeout: 60_000, env: { ...process.env } });
  if (r.status !== 0) throw new Error(`verso ${args.join(' ')} exited with ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

export function adminUrl(cluster: PgCluster, database: string): string {
  const u = new URL(cluster.url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fresh team database on the cluster, initialised with `verso team init`; returns its name. */
export async function createTeamDatabase(cluster: PgCluster, prefix: string): Promise<string> {
  const database = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  expect(verso(['team', 'init', adminUrl(cluster, database)])).toContain('applied migration 1');
  return database;
}

export interface TeamMemberInstance {
  name: string;
  role: 'translator' | 'editor';
  server: RunningServer;
  page: Page;
  app: VersoPage;
  dataDir: string;
  close(): Promise<void>;
}

/** A Verso instance with a profile and a passphrase-sealed signing key (it must outlive the run), in no team yet. */
export async function startInstance(browser: Browser, name: string, role: 'translator' | 'editor'): Promise<TeamMemberInstance> {
  const dataDir = makeDataDir();
  const server = await startServer(dataDir, { VERSO_SIGNING_PASSPHRASE: `passphrase of ${name}` });
  await invoke(server, 'setProfile', { name, role });
  const page = await (await browser.newContext()).newPage();
  const app = new VersoPage(page);
  await app.open(server.url);
  return {
    name,
    role,
    server,
    page,
    app,
    dataDir,
    async close() {
      await page.context().close();
      await server.stop();
      await removeDataDir(dataDir);
    },
  };
}

export interface MemberLogin {
  user: string;
  password: string;
}

/** The admin adds the member with `verso team add-user` and the public key from its instance. */
export async function registerMember(
  cluster: PgCluster,
  database: string,
  m: Pick<TeamMemberInstance, 'name' | 'role' | 'server'>,
  user = m.name.toLowerCase(),
): Promise<MemberLogin> {
  const { publicKeyPem } = await invoke<{ publicKeyPem: string }>(m.server, 'getSigningPublicKey', {});
  const keyFile = path.join(os.tmpdir(), `verso-e2e-${user}-${process.pid}-${Date.now()}.pem`);
  fs.writeFileSync(keyFile, publicKeyPem);
  const password = `${m.name}-password-1`;
  try {
    verso(
      [
        'team',
        'add-user',
        user,
        '--role',
        m.role,
        '--public-key',
        keyFile,
        '--display-name',
        m.name,
        '--password-stdin',
        '--url',
        adminUrl(cluster, database),
      ],
      `${password}\n`,
    );
  } finally {
    fs.rmSync(keyFile);
  }
  return { user, password };
}

/** Settings → Team: fills the form and connects (to `port`, e.g. a proxy's); returns the Team region once it says online. */
export async function connectInSettings(page: Page, database: string, port: number, login: MemberLogin): Promise<Locator> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const team = page.getByRole('region', { name: 'Team' });
  await team.getByLabel('Server address').fill('127.0.0.1');
  await team.getByLabel('Port').fill(String(port));
  await team.getByLabel('Database').fill(database);
  await team.getByLabel('User name').fill(login.user);
  await team.getByLabel('Password').fill(login.password);
  await team.getByLabel('Connection security').selectOption({ label: 'No TLS (only to this computer)' });
  await team.getByRole('button', { name: 'Connect' }).click();
  await expect(team.getByRole('status')).toContainText('online', { timeout: 20_000 });
  return team;
}

/** An instance registered by the admin and connected in Settings → Team (directly, or through `port`). */
export async function startTeamMember(
  browser: Browser,
  cluster: PgCluster,
  database: string,
  name: string,
  role: 'translator' | 'editor',
  port = cluster.port,
): Promise<TeamMemberInstance> {
  const m = await startInstance(browser, name, role);
  await connectInSettings(m.page, database, port, await registerMember(cluster, database, m));
  return m;
}
