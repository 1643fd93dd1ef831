import type { ParagraphSeed } from '../../../shared/testing/testBackend.js';
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { TFunction } from 'i18next';
import { backendWithProfile, renderApp, type TestBackend } from '../../test/renderApp.js';
import { createI18n } from '../i18n/i18n.js';
import { formatApiError } from '../i18n/formatError.js';

async function openEditor(backend: TestBackend, paragraphs: ParagraphSeed[]): Promise<string> {
  const doc = await backend.seedDocument(paragraphs, { title: 'The story' });
  renderApp({ backend });
  fireEvent.click(await screen.findByRole('button', { name: 'The story' }));
  await screen.findByRole('table', { name: 'Paragraphs' });
  return doc.id;
}

function rows(): HTMLElement[] {
  return within(screen.getByRole('table', { name: 'Paragraphs' })).getAllByRole('row');
}

describe('engines in the editor', () => {
  it('shows the MT provenance (version, time, unknown words) and retranslates one paragraph with the chosen engine', async () => {
    // The engine reports its version and the words it did not know, as Apertium does.
    const backend = await backendWithProfile('translator', 'Tess Translator', {
      mtVersion: 'apertium 3.8.3; apertium-eng-spa 0.8.1-2',
      mtUnknownWords: ['Alibaba'],
    });
    const documentId = await openEditor(backend, [
      { source: 'Alibaba denied it.', target: 'Alibaba lo negó.', status: 'machine' },
      { source: 'Edited.', target: 'Editado.', status: 'edited' },
    ]);
    const doc = await backend.api.getDocument({ documentId: documentId });
    const first = rows()[0]!;
    const provenance = within(first).getByLabelText('Machine translation of paragraph 1');
    expect(provenance.textContent).toMatch(
      new RegExp(`apertium 3\\.8\\.3; apertium-eng-spa 0\\.8\\.1-2, produced .*${new Date().getFullYear()}`),
    );
    expect(provenance.textContent).toContain('Words the engine did not know: Alibaba');
    // ...and highlighted where they stand in the source.
    const marked = first.querySelectorAll('.source-text mark.unknown-word');
    expect([...marked].map((m) => m.textContent)).toEqual(['Alibaba']);
    expect(marked[0]!.getAttribute('title')).toBe('The machine translation engine did not know this word');
    expect(rows()[1]!.querySelectorAll('mark.unknown-word')).toHaveLength(0);

    // Only paragraphs that still hold untouched MT can be retranslated.
    expect(within(rows()[1]!).queryByRole('button', { name: /Retranslate/ })).toBeNull();
    const retranslate = within(rows()[0]!).getByRole<HTMLButtonElement>('button', { name: 'Retranslate paragraph 1' });
    await waitFor(() => expect(retranslate.disabled).toBe(false));
    // The job is held, so its progress can be seen.
    const mt = backend.holdMt();
    fireEvent.click(retranslate);
    await waitFor(() =>
      expect(backend.callsOf('retranslateParagraph')).toEqual([{ paragraphId: doc.paragraphs[0]!.id, engineId: 'apertium' }]),
    );
    // The editor shows the job's progress like any translation job.
    expect(await screen.findByRole('progressbar', { name: 'Translation progress' })).toBeTruthy();
    mt.release();
    await waitFor(() => expect(screen.queryByRole('progressbar', { name: 'Translation progress' })).toBeNull());
  });

  it('"Translate empty only" starts a job for the paragraphs without a translation', async () => {
    const backend = await backendWithProfile('translator');
    const documentId = await openEditor(backend, [{ source: 'One.' }, { source: 'Two.', target: 'Dos.', status: 'machine' }]);
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Translate empty only' });
    await waitFor(() => expect(button.disabled).toBe(false));
    const mt = backend.holdMt();
    fireEvent.click(button);
    await waitFor(() => expect(backend.callsOf('translateDocument')).toEqual([{ documentId, scope: 'empty', engineId: 'apertium' }]));
    expect(await screen.findByRole('progressbar', { name: 'Translation progress' })).toBeTruthy();
    mt.release();
    // Only paragraph 1 was sent to the engine.
    await waitFor(() => expect(within(rows()[0]!).getByRole('textbox', { name: 'Translation' })).toHaveProperty('value', '[es] One.'));
    expect(backend.mtBatches.at(-1)).toEqual(['One.']);
  });

  it('lists the engines that cannot translate the article, with the reason', async () => {
    const backend = await backendWithProfile('translator');
    // DeepL switched on in Settings, but without its key.
    await backend.api.saveEngineSettings({
      engine: 'deepl',
      enabled: true,
      baseUrl: 'https://api-free.deepl.com',
      formality: 'default',
      glossaryId: '',
    });
    await openEditor(backend, [{ source: 'One.' }]);
    fireEvent.click(await screen.findByText('Engines that cannot translate this article'));
    expect(screen.getByText(/^DeepL is unavailable: This translation engine is not set up yet\./)).toBeTruthy();
  });
});

describe('MT error messages', () => {
  it('say how many paragraphs were saved, which were not, and why (in the interface language)', async () => {
    const error = {
      code: 'MT_INCOMPLETE' as const,
      message: '',
      details: { translated: 3, untranslated: 2, total: 5, count: 2, paragraphs: [4, 5], engine: 'DeepL', reason: 'ENGINE_AUTH_FAILED' },
    };
    const en = createI18n('en');
    await en.loadLanguages('en');
    expect(formatApiError(en.t as TFunction, 'en', error)).toBe(
      '3 of 5 paragraphs were translated with DeepL and saved; 2 were not (paragraphs 4 and 5). The translation service refused the API key. Check the key under Settings → Machine translation engines.',
    );
    const de = createI18n('de');
    expect(
      formatApiError(de.t as TFunction, 'de', { ...error, details: { ...error.details, untranslated: 1, count: 1, paragraphs: [5] } }),
    ).toBe(
      '3 von 5 Absätzen wurden mit DeepL übersetzt und gespeichert; 1 nicht (Absatz 5). Der Übersetzungsdienst hat den API-Schlüssel abgelehnt. Prüfen Sie den Schlüssel unter Einstellungen → Maschinelle Übersetzungsdienste.',
    );
  });
});
