/**
 * Issue 12, defeat 4 in browser mode (roles are self-declared): a translator can neither create a
 * second "editor" profile under the editor's name nor switch to the editor's profile without the
 * passphrase that seals her signing key.
 */
import { test, expect } from './support/fixtures.js';
import { VersoPage } from './support/versoPage.js';
import { importMarkdown, invoke } from './support/api.js';

const PASSPHRASE = 'correct horse battery';

interface ProfileEntry {
  id: string;
  name: string;
  role: string;
  passphraseProtected: boolean;
}

test('a translator cannot pass as the editor: her name is refused, and her profile needs her passphrase', async ({ page, server }) => {
  const app = new VersoPage(page);
  const topBar = page.getByRole('banner');
  await app.open(server.url);

  // The editor sets a signing passphrase (Settings → Signing key).
  await app.setUpProfile('Ana García', 'Editor');
  await page.getByRole('button', { name: 'Settings' }).click();
  const key = page.getByRole('region', { name: 'Signing key' });
  await key.getByLabel('Signing passphrase').fill(PASSPHRASE);
  await key.getByRole('button', { name: 'Unlock signing key' }).click();
  await expect(key.getByRole('status')).toHaveText('Signing key created and unlocked.');

  // A translator takes the machine.
  await app.switchProfile('Tomás Translator', 'Translator');
  await expect(topBar).toContainText('Tomás Translator · Translator');

  // A second "Ana García", editor: refused, nothing saved.
  await page.getByRole('button', { name: 'Switch profile' }).click();
  const form = page.getByRole('region', { name: 'Set up your profile' });
  await form.getByRole('textbox', { name: 'Display name' }).fill('  ana   GARCÍA ');
  await form.getByRole('radiogroup', { name: 'Role' }).getByRole('radio', { name: 'Editor' }).check();
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(form.getByRole('alert')).toContainText(
    'A profile named Ana García already exists: switch to it above (Use profile Ana García)',
  );
  const profiles = await invoke<ProfileEntry[]>(server, 'listProfiles');
  expect(profiles.map((p) => [p.name, p.role, p.passphraseProtected])).toEqual([
    ['Ana García', 'editor', true],
    ['Tomás Translator', 'translator', false],
  ]);
  expect(JSON.stringify(profiles)).not.toMatch(/key|sealed/i);
  expect((await invoke<ProfileEntry>(server, 'getProfile')).name).toBe('Tomás Translator');

  // The API refuses a switch without the passphrase, whatever the UI does.
  await expect(invoke(server, 'switchProfile', { profileId: profiles[0]!.id })).rejects.toThrow('PROFILE_PASSPHRASE_REQUIRED');

  // Switching back to the editor asks for her passphrase in the same dialog.
  const list = form.getByRole('list', { name: 'Switch to an existing profile' });
  await expect(list.getByRole('listitem').filter({ hasText: 'Tomás Translator' })).toContainText('(current)');
  await list.getByRole('button', { name: 'Use profile Ana García' }).click();
  const ana = list.getByRole('listitem').filter({ hasText: 'Ana García · Editor' });
  const field = ana.getByLabel('Signing passphrase of Ana García');
  await expect(field).toBeFocused();
  await ana.getByRole('button', { name: 'Switch to Ana García' }).click();
  await expect(ana.getByRole('alert')).toContainText('enter that passphrase to switch to this profile');
  await field.fill('wrong horse battery');
  await ana.getByRole('button', { name: 'Switch to Ana García' }).click();
  await expect(ana.getByRole('alert')).toContainText('This is not the passphrase of your signing key.');
  expect((await invoke<ProfileEntry>(server, 'getProfile')).name).toBe('Tomás Translator');
  await expect(topBar).toContainText('Tomás Translator · Translator');

  // The right one, from the keyboard.
  await field.fill(PASSPHRASE);
  await field.press('Enter');
  await expect(topBar).toContainText('Ana García · Editor');
  await expect(form).toHaveCount(0);
  expect((await invoke<ProfileEntry>(server, 'getProfile')).name).toBe('Ana García');

  // Her key was unlocked by the switch: she signs off without unlocking it again.
  const doc = await importMarkdown(server, 'The house is red.', 'en', 'es', 'Switch story');
  await invoke(server, 'updateParagraphTarget', { paragraphId: doc.paragraphs[0]!.id, target: 'La casa es roja.' });
  await invoke(server, 'signOffParagraphs', { paragraphIds: [doc.paragraphs[0]!.id] });

  // The switch is kept across a reload.
  await page.reload();
  await expect(topBar).toContainText('Ana García · Editor');
});

test('Switch profile is keyboard-first: focus on the first other profile, Escape closes the question, then the form', async ({
  page,
  server,
}) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Ana García', 'Editor');
  await invoke(server, 'unlockSigningKey', { passphrase: PASSPHRASE });
  await app.switchProfile('Tomás Translator', 'Translator');

  await page.getByRole('button', { name: 'Switch profile' }).click();
  const use = page.getByRole('button', { name: 'Use profile Ana García' });
  await expect(use).toBeFocused();
  await page.keyboard.press('Enter');
  const field = page.getByLabel('Signing passphrase of Ana García');
  await expect(field).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(field).toHaveCount(0);
  await expect(use).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Set up your profile' })).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText('Tomás Translator · Translator');
});
