/** The export panel (formats, binary download, warnings) and the footer settings (live preview, save, reset). */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { backendWithProfile, renderApp, type TestBackend } from '../../test/renderApp.js';
import type { ParagraphSeed } from '../../../shared/testing/testBackend.js';
import { FOOTER_TEMPLATES } from '../../../shared/footer.js';
import { base64ToBytes } from './base64ToBytes.js';
import { bytesToBase64 } from '../base64.js';
import { splitFooterText } from './FooterSettingsSection.js';

afterEach(() => cleanup());

/** An editor, the publication details a footer needs, and a signed-off one-paragraph story. */
async function editorWithSignedOffStory(
  paragraphs: ParagraphSeed[] = [{ source: 'One.', target: 'Uno.', status: 'signed-off' }],
): Promise<TestBackend> {
  const backend = await backendWithProfile('editor');
  await backend.api.updateSettings({ publisher: 'Gazette', contactEmail: 'desk@gazette.example' });
  await backend.seedDocument(paragraphs, { title: 'The story' });
  return backend;
}

describe('export panel', () => {
  it('offers every format; DOCX downloads as bytes; warnings are listed', async () => {
    // Paragraph 2's source is the English disclosure footer: the export warns about it.
    const footerLine = FOOTER_TEMPLATES.en!.lines[0]!.replace(/\{\w+\}/g, 'Gazette');
    const backend = await editorWithSignedOffStory([
      { source: 'One.', target: 'Uno.', status: 'signed-off' },
      { source: footerLine, target: 'Dos.', status: 'signed-off' },
    ]);
    const { platform } = renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: 'The story' }));
    const format = await screen.findByRole('combobox', { name: 'Export format' });
    expect(
      within(format)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Plain text',
      'Markdown',
      'HTML',
      'Word (DOCX)',
      'XLIFF 2.0',
      'XLIFF 1.2',
      'TMX (signed-off paragraphs)',
      'Provenance (JSON)',
      'Review attestation (JSON-LD)',
    ]);
    fireEvent.change(format, { target: { value: 'docx' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await screen.findByText('Exported the-story.es.docx: your browser saved it in its downloads folder (or asked you where to put it).');
    // Browser mode cannot open a folder: no such button.
    expect(screen.queryByRole('button', { name: 'Show in folder' })).toBeNull();
    expect(platform.savedFiles).toHaveLength(1);
    // A real DOCX: a ZIP container.
    expect([...platform.savedFiles[0]!.bytes!.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(backend.callsOf('exportFile').at(-1)).toEqual({ documentId: expect.any(String), format: 'docx', mode: 'publish' });

    fireEvent.change(format, { target: { value: 'html' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect(
      await screen.findByText('Paragraph 2 of the source reads like a disclosure footer. Check that it belongs in the article.'),
    ).toBeTruthy();
  });
});

describe('where the export went', () => {
  it('desktop: names the file and the folder chosen, and shows it in the folder on request', async () => {
    const backend = await editorWithSignedOffStory();
    const { platform } = renderApp({ backend });
    const shown: string[] = [];
    platform.saveFile = async (file) => ({
      kind: 'saved',
      fileName: file.fileName,
      folder: '/home/ana/Desk',
      path: `/home/ana/Desk/${file.fileName}`,
    });
    platform.showInFolder = async (path) => void shown.push(path);
    fireEvent.click(await screen.findByRole('button', { name: 'The story' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Export' }));
    const status = await screen.findByText('Exported the-story.es.txt to the folder /home/ana/Desk.');
    expect(status.getAttribute('role')).toBe('status');
    fireEvent.click(screen.getByRole('button', { name: 'Show in folder' }));
    expect(shown).toEqual(['/home/ana/Desk/the-story.es.txt']);
  });

  it('desktop: a cancelled save dialog says that no file was saved', async () => {
    const backend = await editorWithSignedOffStory();
    const { platform } = renderApp({ backend });
    platform.saveFile = async () => ({ kind: 'cancelled' });
    platform.showInFolder = async () => undefined;
    fireEvent.click(await screen.findByRole('button', { name: 'The story' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Export' }));
    expect(await screen.findByText('Export cancelled: no file was saved.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show in folder' })).toBeNull();
  });

  it('a footer without its settings names every empty one and links to Settings → Publication', async () => {
    const backend = await backendWithProfile('editor');
    await backend.seedDocument([{ source: 'One.', target: 'Uno.', status: 'signed-off' }], { title: 'The story' });
    renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: 'The story' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Export' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'the footer needs the publisher name and contact e-mail address. Fill them in under Settings → Publication',
    );
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    const link = within(alert).getByRole('link', { name: 'Open Settings → Publication' });
    expect(link.getAttribute('href')).toBe('#/settings/publication');
    fireEvent.click(link);
    expect(await screen.findByRole('form', { name: 'Publication' })).toBeTruthy();
    const publisher = await screen.findByRole('textbox', { name: 'Publisher' });
    await waitFor(() => expect(document.activeElement).toBe(publisher));

    // Only the e-mail missing: only it is named, in the singular.
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    fireEvent.click(await screen.findByRole('button', { name: 'The story' }));
    await backend.api.updateSettings({ publisher: 'Gazette' });
    fireEvent.click(await screen.findByRole('button', { name: 'Export' }));
    expect((await screen.findByRole('alert')).textContent).toContain('the footer needs the contact e-mail address. Fill it in under');
  });
});

describe('base64ToBytes', () => {
  it('round-trips with bytesToBase64', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 255, 256]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) % 256);
      expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    }
    expect(() => base64ToBytes('a*b')).toThrow();
  });
});

describe('footer settings', () => {
  it('edits a language with a live preview, saves it as the publication wording, and goes back to the vetted one', async () => {
    const backend = await backendWithProfile('editor', 'Elena Editor');
    await backend.api.updateSettings({ publisher: 'Gazette', contactEmail: 'desk@gazette.example', footerPolicy: 'always' });
    renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    const lang = await screen.findByRole('combobox', { name: 'Footer language' });
    fireEvent.change(lang, { target: { value: 'de' } });
    const text = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Footer text' });
    // The settings of the chosen language arrive from the API (asynchronously on a busy machine).
    await waitFor(() => expect(text.value).toContain('Dieser Artikel wurde mithilfe von KI-Tools übersetzt'));
    expect(screen.getByText('Vetted template')).toBeTruthy();
    const preview = screen.getByRole('region', { name: 'Footer preview' });
    expect(preview.getAttribute('lang')).toBe('de');
    expect(preview.textContent).toContain('Gazette nutzt künstliche Intelligenz');
    expect(preview.textContent).toContain('desk@gazette.example');

    fireEvent.change(text, { target: { value: 'Mit KI übersetzt, geprüft von {editor}.\n\nFragen an {contactEmail}.' } });
    expect(preview.textContent).toContain('Mit KI übersetzt, geprüft von Elena Editor.');
    fireEvent.change(text, { target: { value: 'Hallo {leser}' } });
    expect(screen.getByText(/Only the listed variables may appear in braces/)).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save footer' }).disabled).toBe(true);

    fireEvent.change(text, { target: { value: 'Mit KI übersetzt von {publisher}.' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Reason for the footer wording change' }), { target: { value: 'House style' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save footer' }));
    expect(await screen.findByText('Footer saved for German.')).toBeTruthy();
    expect(backend.callsOf('saveFooterTemplate').at(-1)).toEqual({
      lang: 'de',
      lines: ['Mit KI übersetzt von {publisher}.'],
      reason: 'House style',
    });
    expect(screen.getByText("Your publication's wording")).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Use vetted template' }));
    expect(await screen.findByText('Saved wording removed for German.')).toBeTruthy();
    expect(text.value).toContain('Dieser Artikel wurde mithilfe von KI-Tools übersetzt');
  });

  it('a language without a template says publish-ready export stops until one is saved', async () => {
    const backend = await backendWithProfile('editor', 'Elena Editor');
    renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    fireEvent.change(await screen.findByRole('combobox', { name: 'Footer language' }), { target: { value: 'fi' } });
    expect(screen.getByText('No template')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Footer preview' }).textContent).toContain('publish-ready export in it stops');
    fireEvent.change(screen.getByRole('textbox', { name: 'Footer text' }), { target: { value: 'Käännetty tekoälyn avulla.' } });
    // The service records every own wording with a reason (FOOTER_REASON_REQUIRED without one).
    fireEvent.change(screen.getByRole('textbox', { name: 'Reason for the footer wording change' }), {
      target: { value: 'Finnish edition' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save footer' }));
    expect(await screen.findByText("Your publication's wording")).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove saved footer' }));
    expect(await screen.findByText('No template')).toBeTruthy();
    expect(backend.callsOf('resetFooterTemplate')).toEqual([{ lang: 'fi' }]);
  });

  it('splits the text area into paragraphs at blank lines', () => {
    expect(splitFooterText('a\nb\n\n\n c \r\n\r\nd')).toEqual(['a b', 'c', 'd']);
  });
});
