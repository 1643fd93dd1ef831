import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { backendWithProfile, renderApp } from '../../test/renderApp.js';

async function openImport() {
  fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
  return screen.findByRole('heading', { name: 'Import an article' });
}

describe('import view', () => {
  it('replaces the library, so only one Import button is on screen, and Cancel goes back', async () => {
    renderApp({ backend: await backendWithProfile() });
    await openImport();
    expect(screen.getAllByRole('button', { name: 'Import' })).toHaveLength(1);
    expect(screen.queryByRole('heading', { name: 'Library' })).toBeNull();
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Source language' }).value).toBe('en');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Target language' }).value).toBe('es');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('heading', { name: 'Library' })).toBeTruthy();
  });

  it('shows empty text as a translated alert without calling the service', async () => {
    const { backend } = renderApp({ backend: await backendWithProfile() });
    await openImport();
    fireEvent.change(screen.getByRole('textbox', { name: 'Article text' }), { target: { value: '  \n\n ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The article is empty. Paste some text or choose a file.');
    expect(backend.callsOf('importDocument')).toEqual([]);
  });

  it('shows service refusals translated, in German too', async () => {
    const backend = await backendWithProfile();
    const { i18n } = renderApp({ backend });
    await openImport();
    fireEvent.change(screen.getByRole('textbox', { name: 'Article text' }), { target: { value: 'Hello.' } });

    backend.failNext('importDocument', { code: 'LANGUAGE_UNKNOWN', message: 'Unknown language tag xx' });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Verso does not know this language.');

    // The same language on both sides: the service's own refusal.
    fireEvent.change(screen.getByRole('combobox', { name: 'Target language' }), { target: { value: 'en' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Source and target language must be different.'));

    await i18n.changeLanguage('de');
    expect((await screen.findByRole('alert')).textContent).toBe('Ausgangs- und Zielsprache müssen verschieden sein.');
  });

  it('sends a chosen file as base64 and shows IMPORT_BINARY translated', async () => {
    const backend = await backendWithProfile();
    renderApp({ backend });
    await openImport();
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0x0d]);
    const file = new File([bytes], 'article.txt', { type: 'text/plain' });
    const input = screen.getByLabelText<HTMLInputElement>('Choose file');
    expect(input.accept).toBe('.txt,.text,.md,.markdown,.html,.htm,.xhtml,.docx,.xlf,.xliff');
    fireEvent.change(input, { target: { files: [file] } });
    expect(screen.getByText(/The file article\.txt will be imported/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This file is not a text file (it looks binary). Choose the article as text, Markdown, HTML, Word or XLIFF.',
    );
    expect(backend.callsOf('importDocument')).toEqual([
      { source: { kind: 'file', fileName: 'article.txt', dataBase64: 'iVBORwAADQ==' }, sourceLang: 'en', targetLang: 'es' },
    ]);
  });

  it('imports pasted Markdown with the chosen languages and title, then opens the editor', async () => {
    const { backend } = renderApp({ backend: await backendWithProfile() });
    await openImport();
    fireEvent.change(screen.getByRole('textbox', { name: 'Article text' }), { target: { value: '# Title\n\nThe house is red.' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Format' }), { target: { value: 'md' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Target language' }), { target: { value: 'fr' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Title' }), { target: { value: 'My story' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('heading', { name: 'My story' })).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(2);
    expect(backend.callsOf('importDocument')).toEqual([
      {
        source: { kind: 'text', text: '# Title\n\nThe house is red.', format: 'md' },
        sourceLang: 'en',
        targetLang: 'fr',
        title: 'My story',
      },
    ]);
  });
});

describe('web pages', () => {
  /** A paste event carrying the clipboard's flavours, as a browser sends it. */
  function paste(box: HTMLElement, data: Record<string, string>): void {
    fireEvent.paste(box, { clipboardData: { types: Object.keys(data), getData: (type: string) => data[type] ?? '' } });
  }

  it('offers "Import the whole page" for an HTML file only, and sends the choice with it', async () => {
    const { backend } = renderApp({ backend: await backendWithProfile() });
    await openImport();
    const input = screen.getByLabelText<HTMLInputElement>('Choose file');
    fireEvent.change(input, { target: { files: [new File(['# Story'], 'story.md')] } });
    expect(screen.queryByRole('checkbox', { name: 'Import the whole page' })).toBeNull();
    fireEvent.change(input, { target: { files: [new File(['<p>Hello</p>'], 'story.HTM', { type: 'text/html' })] } });
    const whole = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Import the whole page' });
    expect(whole.checked).toBe(false);
    expect(whole.getAttribute('aria-describedby')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(backend.callsOf('importDocument')).toHaveLength(1));
    expect(backend.callsOf('importDocument')[0]).toEqual({
      source: { kind: 'file', fileName: 'story.HTM', dataBase64: btoa('<p>Hello</p>') },
      sourceLang: 'en',
      targetLang: 'es',
    });
    // The import opened the document; a second import of the page, whole this time.
    expect(await screen.findByRole('table', { name: 'Paragraphs' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back to library' }));
    await openImport();
    fireEvent.change(screen.getByLabelText('Choose file'), {
      target: { files: [new File(['<p>Hello</p>'], 'story.HTM', { type: 'text/html' })] },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Import the whole page' }));
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(backend.callsOf('importDocument')).toHaveLength(2));
    expect(backend.callsOf('importDocument')[1]).toMatchObject({ source: { kind: 'file', fileName: 'story.HTM', extract: 'page' } });
    expect(await screen.findByRole('table', { name: 'Paragraphs' })).toBeTruthy();
    expect(await backend.api.listDocuments({})).toHaveLength(2);
  });

  it('a paste that holds HTML is taken as HTML (its links kept), with a note saying so', async () => {
    const { backend } = renderApp({ backend: await backendWithProfile() });
    await openImport();
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Article text' });
    const html = '<meta charset="utf-8"><p>See <a href="https://news.example/r">the report</a>.</p>';
    paste(box, { 'text/plain': 'See the report.', 'text/html': html });
    expect(box.value).toBe(html);
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Format' }).value).toBe('html');
    expect(screen.getByRole('status').textContent).toMatch(/links and emphasis will be kept/);
    expect(screen.getByRole('checkbox', { name: 'Import the whole page' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(backend.callsOf('importDocument')).toHaveLength(1));
    expect(backend.callsOf('importDocument')[0]).toEqual({
      source: { kind: 'text', text: html, format: 'html' },
      sourceLang: 'en',
      targetLang: 'es',
    });
  });

  it('HTML pasted into plain text already typed is left to the browser (its plain text)', async () => {
    renderApp({ backend: await backendWithProfile() });
    await openImport();
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Article text' });
    fireEvent.change(box, { target: { value: 'Typed first.' } });
    box.setSelectionRange(box.value.length, box.value.length);
    paste(box, { 'text/plain': 'More.', 'text/html': '<p>More.</p>' });
    expect(box.value).toBe('Typed first.');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Format' }).value).toBe('txt');
    expect(screen.queryByRole('status')).toBeNull();
  });
});
