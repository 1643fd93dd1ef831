/**
 * Issue 16 in browser mode, Settings → Team on one instance: a team server on a closed loopback
 * port is saved (the status says offline, the password is never shown back, not even after a
 * reload), Forget forgets it; a plain connection to another machine is refused with a clear
 * message. The two-instance test on a real PostgreSQL comes with the server's harness.
 */
import net from 'node:net';
import { test, expect } from './support/fixtures.js';
import { VersoPage } from './support/versoPage.js';
import { invoke } from './support/api.js';
import type { Page } from '@playwright/test';

/** A loopback port nothing listens on (bound, then closed). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function openTeam(page: Page, url: string) {
  await new VersoPage(page).open(url);
  await page.getByRole('button', { name: 'Settings' }).click();
  return page.getByRole('region', { name: 'Team' });
}

test('Settings → Team: a closed loopback port is offline, the password is never shown back, Forget forgets', async ({ page, server }) => {
  await invoke(server, 'setProfile', { name: 'Tess Translator', role: 'translator' });
  const port = await closedPort();
  const team = await openTeam(page, server.url);
  await expect(team.getByRole('status')).toHaveText('Team server: not connected to a team. 0 changes waiting.');

  await team.getByLabel('Server address').fill('127.0.0.1');
  await team.getByLabel('Port').fill(String(port));
  await team.getByLabel('Database').fill('newsroom');
  await team.getByLabel('User name').fill('tess');
  await team.getByLabel('Password').fill('s3cret-pass');
  await team.getByLabel('Connection security').selectOption({ label: 'No TLS (only to this computer)' });
  await team.getByRole('button', { name: 'Connect' }).click();
  await expect(team.getByText('Saved. Verso connects to the team server now.')).toBeVisible();
  await expect(team.getByRole('status')).toHaveText('Team server: offline. 0 changes waiting.', { timeout: 15_000 });

  const status = await invoke<{ available: boolean; settings: unknown }>(server, 'getTeamStatus', {});
  expect(JSON.stringify(status)).not.toContain('s3cret-pass');
  if (status.available) {
    // With the team server client wired: the connection was tried and refused.
    await expect(team.getByText(/^Last problem: .*ECONNREFUSED/)).toBeVisible({ timeout: 15_000 });
  } else {
    await expect(team.getByText('Team sync is not available in this process.')).toBeVisible();
  }

  // After a reload (the page stays on Settings) the form shows the server again, never the password.
  await page.reload();
  const again = page.getByRole('region', { name: 'Team' });
  await expect(again.getByLabel('Server address')).toHaveValue('127.0.0.1');
  await expect(again.getByLabel('Port')).toHaveValue(String(port));
  await expect(again.getByLabel('Password')).toHaveValue('');
  await expect(again.getByText('A password is stored. Leave the field empty to keep it.')).toBeVisible();
  expect(await page.content()).not.toContain('s3cret-pass');

  await again.getByRole('button', { name: 'Forget this server' }).click();
  await expect(again.getByText('The team server was forgotten. Changes still waiting stay in this library.')).toBeVisible();
  await expect(again.getByRole('status')).toHaveText('Team server: not connected to a team. 0 changes waiting.');
  await expect(again.getByLabel('Server address')).toHaveValue('');
  expect(await invoke(server, 'getTeamStatus', {})).toMatchObject({ configured: false, settings: null });
});

test('Settings → Team: a connection without TLS to another machine is refused with a clear message', async ({ page, server }) => {
  await invoke(server, 'setProfile', { name: 'Tess Translator', role: 'translator' });
  const team = await openTeam(page, server.url);
  await team.getByLabel('Server address').fill('team.example.org');
  await team.getByLabel('Database').fill('newsroom');
  await team.getByLabel('User name').fill('tess');
  await team.getByLabel('Password').fill('s3cret-pass');
  await team.getByLabel('Connection security').selectOption({ label: 'No TLS (only to this computer)' });
  await team.getByRole('button', { name: 'Connect' }).click();
  await expect(team.getByRole('alert')).toHaveText(
    "A connection without TLS is allowed only to this computer (localhost, 127.0.0.1 or ::1). team.example.org needs TLS with the team's CA certificate. Nothing was saved.",
  );
  expect(await invoke(server, 'getTeamStatus', {})).toMatchObject({ configured: false });

  // TLS without the CA certificate is refused too.
  await team.getByLabel('Connection security').selectOption({ label: "TLS, checked against the team's CA certificate (verify-full)" });
  await team.getByRole('button', { name: 'Connect' }).click();
  await expect(team.getByRole('alert')).toHaveText(
    "The CA certificate could not be used: choose the team's CA certificate as a PEM file. Nothing was saved.",
  );
});
