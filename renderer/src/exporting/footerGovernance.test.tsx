/** Settings → footer governance: read-only for translators with a sentence why, a reason for editors' changes, the "Footer changes" history, the refusal shown. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { backendWithProfile, renderApp } from '../../test/renderApp.js';
import { createI18n } from '../i18n/i18n.js';
import { warningText } from './ExportPanel.js';

afterEach(() => cleanup());

const EDITOR_ONLY =
  'Only an editor can change the footer policy and templates: the disclosure footer is an editorial decision, and every change is recorded with its author and reason.';

describe('footer governance in Settings', () => {
  it('a translator sees the footer policy and templates read-only, with a sentence why', async () => {
    const backend = await backendWithProfile('translator');
    renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    const policy = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Disclosure footer' });
    expect(policy.disabled).toBe(true);
    expect(policy.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getAllByText(EDITOR_ONLY)).toHaveLength(2);
    const text = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Footer text' });
    expect(text.readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save footer' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: /^Reason for/ })).toBeNull();
    // Publisher details stay editable.
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Publisher' }).readOnly).toBe(false);
  });

  it('an editor changing the policy gives a reason; the history lists each change with before → after and the reason', async () => {
    const backend = await backendWithProfile('editor', 'Elena Editor');
    // A footer template saved earlier, through the service: the history lists it.
    await backend.api.saveFooterTemplate({ lang: 'es', lines: ['Gracias por leer.'], reason: 'Shorter for the app' });
    renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    const history = await screen.findByRole('region', { name: 'Footer changes' });
    const item = await within(history).findByText(/changed the es footer template/);
    expect(item.textContent).toContain('Elena Editor (Editor)');
    expect(item.textContent).toContain('none → “Gracias por leer.”');
    expect(item.textContent).toContain('Reason: Shorter for the app');

    const policy = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Disclosure footer' });
    expect(policy.disabled).toBe(false);
    expect(screen.queryAllByText(EDITOR_ONLY)).toHaveLength(0);
    fireEvent.change(policy, { target: { value: 'never' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Reason for the policy change' }), { target: { value: 'Partner adds its own' } });
    const listed = backend.callsOf('listSettingsChanges').length;
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(backend.callsOf('updateSettings').at(-1)).toMatchObject({ footerPolicy: 'never', reason: 'Partner adds its own' });
    // The history is read again after the change.
    expect(backend.callsOf('listSettingsChanges').length).toBeGreaterThan(listed);
  });

  it('shows the main side’s refusal as a clear message', async () => {
    const backend = await backendWithProfile('editor', 'Elena Editor');
    renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    fireEvent.change(await screen.findByRole('combobox', { name: 'Disclosure footer' }), { target: { value: 'never' } });
    // No reason given: the service refuses (FOOTER_REASON_REQUIRED).
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText(/This change needs a reason/)).toBeTruthy();
  });

  it('marks a saved template that differs from the vetted one as custom, and shows the vetted id and hash otherwise', async () => {
    const backend = await backendWithProfile('editor', 'Elena Editor');
    // A saved Spanish wording (custom); German keeps its vetted template.
    await backend.api.saveFooterTemplate({ lang: 'es', lines: ['Gracias por leer.'], reason: 'House style' });
    const templates = await backend.api.listFooterTemplates({});
    const es = templates.find((e) => e.lang === 'es')!;
    const de = templates.find((e) => e.lang === 'de')!;
    expect(es.overrideIdentity?.custom).toBe(true);
    renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    const lang = await screen.findByRole('combobox', { name: 'Footer language' });
    fireEvent.change(lang, { target: { value: 'es' } });
    expect(
      await screen.findByText(
        `Custom wording (SHA-256 ${es.overrideIdentity!.sha256.slice(0, 12)}…): exports say it is not the vetted template.`,
      ),
    ).toBeTruthy();
    fireEvent.change(lang, { target: { value: 'de' } });
    expect(
      await screen.findByText(`Vetted template ${de.vettedIdentity!.id}, SHA-256 ${de.vettedIdentity!.sha256.slice(0, 12)}…`),
    ).toBeTruthy();
  });
});

describe('export notices about the footer', () => {
  it('names who left the footer out and why, and says when the wording is custom (en and de)', () => {
    const en = createI18n('en').t;
    expect(warningText(en, { code: 'FOOTER_OMITTED', policy: 'never', decidedBy: 'Elena Editor', reason: 'Partner adds its own' })).toBe(
      'No disclosure footer in this file: the footer policy is “never”, set by Elena Editor (reason: Partner adds its own). The provenance and attestation record it.',
    );
    expect(warningText(en, { code: 'FOOTER_OMITTED', policy: 'never', decidedBy: null, reason: null })).toContain(
      'set by an unrecorded change (reason: —)',
    );
    expect(warningText(en, { code: 'FOOTER_OMITTED', policy: 'when-mt', decidedBy: null, reason: null })).toContain(
      'only when machine translation was used',
    );
    expect(warningText(en, { code: 'FOOTER_TEMPLATE_CUSTOM', lang: 'es', sha256: 'ab'.repeat(32) })).toBe(
      "The disclosure footer (es) is your publication's own wording, not the vetted template (SHA-256 abababababab…). The provenance and attestation say so.",
    );
    const de = createI18n('de').t;
    expect(warningText(de, { code: 'FOOTER_TEMPLATE_CUSTOM', lang: 'es', sha256: 'ab'.repeat(32) })).toContain(
      'nicht die geprüfte Vorlage',
    );
  });
});
