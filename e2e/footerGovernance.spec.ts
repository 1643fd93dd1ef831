/**
 * Footer governance in browser mode (issue 12, defeat 2): a translator cannot switch the footer off
 * or rewrite it (the Settings screen shows it read-only and the main side refuses with a clear
 * message); an editor's change needs a reason, is listed under "Footer changes", and the exported
 * text, provenance and attestation say which policy and template were in force and who decided.
 */
import { test, expect } from './support/fixtures.js';
import { callApi } from './support/bridgeApi.js';
import { downloadText, VersoPage } from './support/versoPage.js';

const PUBLISHER = 'Diario Ejemplo';
const CONTACT = 'redaccion@example.org';

test('a translator sees the footer settings read-only, and an attempt to change them is refused with a clear message', async ({
  page,
  server,
}) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Tomás Translator', 'Translator');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('combobox', { name: 'Disclosure footer' })).toBeDisabled();
  await expect(page.getByText('Only an editor can change the footer policy and templates').first()).toBeVisible();
  await page.getByLabel('Footer language').selectOption('es');
  await expect(page.getByRole('textbox', { name: 'Footer text' })).not.toBeEditable();
  await expect(page.getByRole('button', { name: 'Save footer' })).toHaveCount(0);

  // A request that reaches the main side anyway (another window, a script over the bridge) is refused, nothing saved.
  const refused = await page.evaluate(
    async ({ origin, token }) => {
      const r = await fetch(`${origin}/api/invoke/saveFooterTemplate`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ lang: 'es', lines: ['Gracias por leer.'], reason: 'shorter' }),
      });
      return (await r.json()) as { ok: boolean; error?: { code: string; message: string } };
    },
    { origin: server.origin, token: server.token },
  );
  expect(refused.ok).toBe(false);
  expect(refused.error?.code).toBe('FOOTER_EDITOR_ONLY');
  expect(refused.error?.message).toContain('Only an editor can change the disclosure footer templates');

  // A Settings screen opened as an editor, whose profile was switched to a translator meanwhile: the save is refused on screen.
  await callApi(server, 'setProfile', { name: 'Elena Editor', role: 'editor' });
  await page.reload(); // still on Settings, now as the editor
  await expect(page.getByRole('combobox', { name: 'Disclosure footer' })).toBeEnabled();
  // Back to the translator's existing profile (a second one under his name is refused).
  const tomas = (await callApi<{ id: string; name: string }[]>(server, 'listProfiles', {})).find((p) => p.name === 'Tomás Translator')!;
  await callApi(server, 'switchProfile', { profileId: tomas.id });
  await page.getByRole('combobox', { name: 'Disclosure footer' }).selectOption({ label: 'Never' });
  await page.getByRole('textbox', { name: 'Reason for the policy change' }).fill('I do not like it');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert')).toContainText('Only an editor can change the disclosure footer policy or templates');
  expect((await callApi<{ footerPolicy: string }>(server, 'getSettings', {})).footerPolicy).toBe('always');
  expect(await callApi<unknown[]>(server, 'listSettingsChanges', {})).toEqual([]);
});

test('an editor’s changes are recorded and listed; the export says the footer was left out, and provenance and attestation name the policy, template and who decided', async ({
  page,
  server,
}) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: 'Publisher' }).fill(PUBLISHER);
  await page.getByRole('textbox', { name: 'Contact e-mail' }).fill(CONTACT);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  // A custom Spanish wording needs a reason, then is recorded.
  await page.getByLabel('Footer language').selectOption('es');
  await expect(page.getByText(/Vetted template verso:footer:es:v1, SHA-256/)).toBeVisible();
  await page.getByRole('textbox', { name: 'Footer text' }).fill('Gracias por leer.');
  await page.getByRole('button', { name: 'Save footer' }).click();
  await expect(page.getByRole('alert')).toContainText('This change needs a reason');
  await page.getByRole('textbox', { name: 'Reason for the footer wording change' }).fill('Shorter for the app');
  await page.getByRole('button', { name: 'Save footer' }).click();
  await expect(page.getByText('Footer saved for Spanish.')).toBeVisible();
  await expect(page.getByText(/Custom wording \(SHA-256/)).toBeVisible();

  // The policy "never" with a reason.
  await page.getByRole('combobox', { name: 'Disclosure footer' }).selectOption({ label: 'Never' });
  await page.getByRole('textbox', { name: 'Reason for the policy change' }).fill('Partner adds its own disclosure');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  const history = page.getByRole('region', { name: 'Footer changes' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').first()).toContainText('Elena Editor (Editor) changed the footer policy: Always → Never');
  await expect(history.getByRole('listitem').first()).toContainText('Reason: Partner adds its own disclosure');
  await expect(history.getByRole('listitem').nth(1)).toContainText('changed the es footer template');
  await expect(history.getByRole('listitem').nth(1)).toContainText('Reason: Shorter for the app');
  await page.getByRole('button', { name: 'Back' }).first().click();

  await app.importText('The house is red.', { source: 'en', target: 'es' });
  await app.translateAll();
  await expect(app.translation(0)).not.toHaveValue('', { timeout: 60_000 });
  await app.signOff(app.row(0).getByRole('button', { name: 'Sign off' }));
  await expect(app.progressText()).toContainText('1 of 1 signed off');
  const text = await downloadText(await app.exportAs('Plain text', 'Publish-ready'));
  expect(text).not.toContain('Gracias por leer.');
  await expect(
    page.getByText(
      'No disclosure footer in this file: the footer policy is “never”, set by Elena Editor (reason: Partner adds its own disclosure).',
    ),
  ).toBeVisible();

  await page.getByLabel('Export format').selectOption({ label: 'Provenance (JSON)' });
  const provenanceDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const provenance = JSON.parse(await downloadText(await provenanceDownload)) as { footer: unknown };
  expect(provenance.footer).toMatchObject({
    policy: 'never',
    footerIncluded: false,
    template: {
      lang: 'es',
      id: 'custom:es',
      builtIn: false,
      custom: true,
      savedBy: { name: 'Elena Editor', reason: 'Shorter for the app' },
    },
    omitted: { because: 'policy-never', decidedBy: 'Elena Editor', reason: 'Partner adds its own disclosure' },
  });

  await page.getByLabel('Export format').selectOption({ label: 'Review attestation (JSON-LD)' });
  const attestationDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const attestation = JSON.parse(await downloadText(await attestationDownload)) as {
    disclosureFooter: { footerTemplate: { templateSha256: string } };
  };
  expect(attestation.disclosureFooter).toMatchObject({
    footerPolicy: 'never',
    footerIncluded: false,
    omittedBecause: 'policy-never',
    decidedBy: 'Elena Editor',
    reason: 'Partner adds its own disclosure',
    footerTemplate: { templateId: 'custom:es', builtIn: false, custom: true },
  });
  expect(attestation.disclosureFooter.footerTemplate.templateSha256).toMatch(/^[0-9a-f]{64}$/);
});
