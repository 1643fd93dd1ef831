/**
 * Issue 12, defeat 3 in browser mode: a signed-off target changed directly in the SQLite file is
 * shown as "Signature broken", and publish-ready export is refused naming the paragraph.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './support/fixtures.js';
import { downloadText, VersoPage } from './support/versoPage.js';
import { importMarkdown, invoke } from './support/api.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, process.env.VERSO_DIST || 'dist', 'main/cli.cjs');

function verso(dataDir: string, args: string[], cwd: string) {
  return spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, VERSO_DATA_DIR: dataDir },
    timeout: 60_000,
  });
}

async function signedStory(server: Parameters<typeof invoke>[0]) {
  await invoke(server, 'setProfile', { name: 'Elena Editor', role: 'editor' });
  await invoke(server, 'updateSettings', { publisher: 'Diario Ejemplo', contactEmail: 'redaccion@example.org' });
  const doc = await importMarkdown(server, 'The house is red.\n\nThe dog is small.\n\nSchools stay open.', 'en', 'es', 'Signed story');
  const targets = ['La casa es roja.', 'El perro es pequeño.', 'Las escuelas siguen abiertas.'];
  for (const [i, p] of doc.paragraphs.entries()) await invoke(server, 'updateParagraphTarget', { paragraphId: p.id, target: targets[i] });
  await invoke(server, 'signOffParagraphs', { paragraphIds: doc.paragraphs.map((p) => p.id) });
  return doc;
}

function tamperTarget(dataDir: string, paragraphId: string, text: string): void {
  const db = new Database(path.join(dataDir, 'verso.sqlite'));
  db.prepare('UPDATE paragraphs SET target = ? WHERE id = ?').run(text, paragraphId);
  db.close();
}

test('a direct SQL edit of a signed-off target shows "Signature broken" and publish-ready export is refused', async ({
  page,
  server,
  dataDir,
}) => {
  const doc = await signedStory(server);
  // Behind Verso's back: the SQLite file in the data folder, while the app runs.
  tamperTarget(dataDir, doc.paragraphs[2]!.id, 'Las escuelas cierran mañana.');

  const app = new VersoPage(page);
  await app.open(server.url);
  await page.getByRole('button', { name: 'Signed story' }).click();
  await expect(app.rows()).toHaveCount(3);
  await expect(app.row(2)).toContainText('Signature broken');
  await expect(app.row(0)).toContainText('Signed off');
  await expect(app.row(0)).not.toContainText('Signature broken');

  await page.getByLabel('Export format').selectOption({ label: 'Plain text' });
  await page.getByLabel('Export mode').selectOption({ label: 'Publish-ready' });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Signature broken: 1 signed-off paragraph was changed after sign-off, outside Verso: 3.',
  );
});

test('Settings → Verify library reports a clean library, then the paragraph changed behind Verso’s back', async ({
  page,
  server,
  dataDir,
}) => {
  const doc = await signedStory(server);
  const app = new VersoPage(page);
  await app.open(server.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Signatures and audit log' });
  await section.getByRole('button', { name: 'Verify library' }).click();
  await expect(section.getByRole('status')).toContainText('3 signed-off paragraphs, no problem found.');

  tamperTarget(dataDir, doc.paragraphs[1]!.id, 'El perro es enorme.');
  await section.getByRole('button', { name: 'Verify library' }).click();
  await expect(section.getByRole('status')).toHaveText('1 problem found:');
  await expect(section.getByRole('list', { name: 'Problems found' }).getByRole('listitem')).toHaveText([
    '“Signed story”, paragraph 2: Signature broken (the text was changed after sign-off).',
  ]);
});

test('verso verify checks the attestation and the text exported from the UI, and refuses tampered copies', async ({
  page,
  server,
  dataDir,
}) => {
  await signedStory(server);
  const app = new VersoPage(page);
  await app.open(server.url);
  await page.getByRole('button', { name: 'Signed story' }).click();
  await expect(app.rows()).toHaveCount(3);
  const work = fs.mkdtempSync(path.join(dataDir, 'out-'));
  await page.getByLabel('Export format').selectOption({ label: 'Review attestation (JSON-LD)' });
  await page.getByLabel('Export mode').selectOption({ label: 'Publish-ready' });
  const attDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  fs.writeFileSync(path.join(work, 'story.jsonld'), await downloadText(await attDownload));
  fs.writeFileSync(path.join(work, 'story.txt'), await downloadText(await app.exportAs('Plain text', 'Publish-ready')));

  const good = verso(dataDir, ['verify', 'story.jsonld', '--text', 'story.txt'], work);
  expect(good.stderr).toBe('');
  expect(good.status).toBe(0);
  expect(good.stdout).toBe('story.jsonld: 3 paragraphs verified, signed by 1 key; story.txt matches\n');

  // The published text changed after export: caught against the signed hashes.
  fs.writeFileSync(
    path.join(work, 'story.txt'),
    fs.readFileSync(path.join(work, 'story.txt'), 'utf8').replace('El perro es pequeño.', 'El perro es enorme.'),
  );
  const text = verso(dataDir, ['verify', 'story.jsonld', '--text', 'story.txt'], work);
  expect(text.status).toBe(1);
  expect(text.stderr).toBe('story.txt: paragraph 2 differs from the text signed off\n');

  // The attestation's claim rewritten to match: its signature no longer verifies.
  const att = JSON.parse(fs.readFileSync(path.join(work, 'story.jsonld'), 'utf8')) as { hasPart: { signOff: { targetSha256: string } }[] };
  att.hasPart[1]!.signOff.targetSha256 = 'f'.repeat(64);
  fs.writeFileSync(path.join(work, 'story.jsonld'), JSON.stringify(att));
  const tampered = verso(dataDir, ['verify', 'story.jsonld'], work);
  expect(tampered.status).toBe(1);
  expect(tampered.stderr).toContain('story.jsonld: paragraph 2: signature does not verify');

  const library = verso(dataDir, ['verify', '--library'], work);
  expect(library.status, library.stderr).toBe(0);
  expect(library.stdout).toContain('3 signed-off paragraphs');
});

test('a signing passphrase set in Settings is asked for again after a restart before the next sign-off', async ({
  page,
  server,
  restartServer,
}) => {
  await invoke(server, 'setProfile', { name: 'Elena Editor', role: 'editor' });
  const doc = await importMarkdown(server, 'The house is red.\n\nThe dog is small.', 'en', 'es', 'Key story');
  for (const [i, p] of doc.paragraphs.entries())
    await invoke(server, 'updateParagraphTarget', { paragraphId: p.id, target: ['La casa es roja.', 'El perro es pequeño.'][i] });
  const app = new VersoPage(page);
  await app.open(server.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const key = page.getByRole('region', { name: 'Signing key' });
  await expect(key.getByRole('status')).toHaveText('No passphrase set yet: the passphrase you enter now protects your key.');
  await key.getByLabel('Signing passphrase').fill('correct horse battery');
  await key.getByRole('button', { name: 'Unlock signing key' }).click();
  await expect(key.getByRole('status')).toHaveText('Signing key created and unlocked.');
  await invoke(server, 'signOffParagraphs', { paragraphIds: [doc.paragraphs[0]!.id] });

  const again = await restartServer();
  await app.open(again.url);
  await page.getByRole('button', { name: 'Key story' }).click();
  await app.signOff(app.row(1).getByRole('button', { name: 'Sign off' }));
  await expect(page.getByRole('alert')).toContainText(
    'Your signing key is locked: enter your signing passphrase under Settings → Signing key',
  );
  await expect(app.row(1).locator('.status-badge')).toHaveText('Edited');

  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(key.getByRole('status')).toHaveText('Locked: enter your passphrase to sign off.');
  await key.getByLabel('Signing passphrase').fill('wrong horse battery');
  await key.getByRole('button', { name: 'Unlock signing key' }).click();
  await expect(key.getByRole('alert')).toContainText('This is not the passphrase of your signing key.');
  await key.getByLabel('Signing passphrase').fill('correct horse battery');
  await key.getByRole('button', { name: 'Unlock signing key' }).click();
  await expect(key.getByRole('status')).toHaveText('Unlocked until Verso stops.');
  await invoke(again, 'signOffParagraphs', { paragraphIds: [doc.paragraphs[1]!.id] });
});

test('the start-up check finds a signed-off text changed while Verso was stopped and says so above the library', async ({
  page,
  server,
  dataDir,
  restartServer,
}) => {
  const doc = await signedStory(server);
  const app = new VersoPage(page);
  await app.open(server.url);
  await expect(page.getByRole('button', { name: 'Signed story' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  tamperTarget(dataDir, doc.paragraphs[0]!.id, 'La casa es azul.');
  const again = await restartServer();
  await app.open(again.url);
  const alert = page.getByRole('alert').filter({ hasText: 'Signature check' });
  await expect(alert).toHaveText(
    'Signature check: 1 problem found in the library (a signed-off text or the history was changed outside Verso). See them under Settings → Verify library',
  );
  await alert.getByRole('link', { name: 'See them under Settings → Verify library' }).click();
  const section = page.getByRole('region', { name: 'Signatures and audit log' });
  await expect(section.getByRole('list', { name: 'Problems found' }).getByRole('listitem')).toHaveText([
    '“Signed story”, paragraph 1: Signature broken (the text was changed after sign-off).',
  ]);
});

test('a footer policy switched off in the SQLite file refuses publish-ready export and is listed by Verify library', async ({
  page,
  server,
  dataDir,
}) => {
  await signedStory(server);
  const db = new Database(path.join(dataDir, 'verso.sqlite'));
  db.prepare(
    "INSERT INTO settings (key, value) VALUES ('settings.footerPolicy', '\"never\"') ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  ).run();
  db.close();

  const app = new VersoPage(page);
  await app.open(server.url);
  await page.getByRole('button', { name: 'Signed story' }).click();
  await expect(app.rows()).toHaveCount(3);
  await page.getByLabel('Export format').selectOption({ label: 'Plain text' });
  await page.getByLabel('Export mode').selectOption({ label: 'Publish-ready' });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(
    'The disclosure footer cannot be trusted: its policy or template was changed outside Verso',
  );

  await app.open(server.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Signatures and audit log' });
  await section.getByRole('button', { name: 'Verify library' }).click();
  await expect(section.getByRole('list', { name: 'Problems found' }).getByRole('listitem')).toHaveText([
    'The disclosure footer policy in force is not the one an editor last recorded (changed outside Verso). Publish-ready export is refused until an editor sets it again.',
  ]);
});

test('a team member shows the public key of the key that signs, to give the team admin; a key that lasts one run is not offered', async ({
  page,
  server,
  dataDir,
}) => {
  await invoke(server, 'setProfile', { name: 'Elena Editor', role: 'editor' });
  const app = new VersoPage(page);
  await app.open(server.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const key = page.getByRole('region', { name: 'Signing key' });
  // No passphrase: browser mode seals the key for this run only.
  await key.getByRole('button', { name: 'Show my public key' }).click();
  await expect(key.getByRole('alert')).toContainText('This key lasts only until Verso stops, so a team cannot register it');
  await expect(key.getByRole('button', { name: 'Copy public key' })).toHaveCount(0);

  await page.reload(); // still on Settings
  await key.getByLabel('Signing passphrase').fill('correct horse battery');
  await key.getByRole('button', { name: 'Unlock signing key' }).click();
  await expect(key.getByRole('status')).toHaveText('Signing key created and unlocked.');
  await key.getByRole('button', { name: 'Show my public key' }).click();
  const pem = await key.getByLabel("Your public key (give it to your team's admin)").inputValue();
  expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n$/);
  const publicKey = createPublicKey(pem);
  expect(publicKey.asymmetricKeyType).toBe('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const keyId = createHash('sha256').update(raw).digest('hex').slice(0, 32);
  await expect(key.getByText(`Key id ${keyId}`)).toBeVisible();
  await expect(key.getByRole('button', { name: 'Copy public key' })).toBeVisible();
  // It is the passphrase-sealed key this profile signs with.
  const db = new Database(path.join(dataDir, 'verso.sqlite'), { readonly: true });
  const row = db.prepare('SELECT protection FROM signing_keys WHERE key_id = ?').get(keyId) as { protection: string } | undefined;
  db.close();
  expect(row?.protection).toBe('user-passphrase');
});
