/** The route in the URL hash: opening, back/forward, a reload on a document, a missing document, an unknown address. */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { backendWithProfile, renderApp } from '../../test/renderApp.js';
import { createMemoryLocation } from './location.js';

afterEach(() => cleanup());

describe('routing', () => {
  it('opening a document puts it in the address; back returns to the library and forward to the document', async () => {
    const backend = await backendWithProfile();
    const doc = await backend.seedDocument([{ source: 'One.' }], { title: 'A story' });
    const location = createMemoryLocation();
    renderApp({ backend, location });
    fireEvent.click(await screen.findByRole('button', { name: 'A story' }));
    expect(await screen.findByRole('heading', { name: 'A story' })).toBeTruthy();
    expect(location.hash()).toBe(`#/documents/${doc.id}`);
    act(() => location.back());
    expect(await screen.findByRole('heading', { name: 'Library' })).toBeTruthy();
    act(() => location.forward());
    expect(await screen.findByRole('heading', { name: 'A story' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back to library' }));
    expect(await screen.findByRole('heading', { name: 'Library' })).toBeTruthy();
    expect(location.hash()).toBe('#/');

    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeTruthy();
    expect(location.hash()).toBe('#/settings');
  });

  it('a page loaded on a document address opens that document (a reload keeps it)', async () => {
    const backend = await backendWithProfile();
    const doc = await backend.seedDocument([{ source: 'One.' }, { source: 'Two.' }], { title: 'Kept open' });
    renderApp({ backend, location: createMemoryLocation(`#/documents/${doc.id}`) });
    expect(await screen.findByRole('heading', { name: 'Kept open' })).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Paragraphs' })).getAllByRole('row')).toHaveLength(2);
    expect(backend.callsOf('listLibrary')).toEqual([]);
  });

  it('an address naming a missing document says so and links back to the library', async () => {
    const location = createMemoryLocation('#/documents/deleted-one');
    renderApp({ backend: await backendWithProfile(), location });
    const heading = await screen.findByRole('heading', { name: 'Document not found' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText(/It may have been deleted, or the link is wrong/)).toBeTruthy();
    const back = screen.getByRole('link', { name: 'Back to the library' });
    expect(back.getAttribute('href')).toBe('#/');
    fireEvent.click(back);
    expect(await screen.findByRole('heading', { name: 'Library' })).toBeTruthy();
    expect(location.hash()).toBe('#/');
  });

  it('an address that names nothing shows the library and says so in the address', async () => {
    const location = createMemoryLocation('#/no/such/place');
    renderApp({ backend: await backendWithProfile(), location });
    expect(await screen.findByRole('heading', { name: 'Library' })).toBeTruthy();
    expect(location.entries).toEqual(['#/']);
  });

  it('after an import the document replaces the import form in the history', async () => {
    const backend = await backendWithProfile();
    const location = createMemoryLocation();
    renderApp({ backend, location });
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    expect(location.hash()).toBe('#/import');
    fireEvent.change(await screen.findByRole('textbox', { name: 'Article text' }), { target: { value: 'Fresh news.\n\nMore.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('heading', { name: 'Fresh news.' })).toBeTruthy();
    const [imported] = await backend.api.listDocuments({});
    expect(location.entries).toEqual(['', `#/documents/${imported!.id}`]);
    // The document came with the import: it is not fetched again, nor checked.
    expect(backend.callsOf('getLibraryItem')).toEqual([]);
    expect(backend.callsOf('getDocument')).toEqual([]);
    // Opened again later, it is read afresh (the import's copy may be stale by then).
    fireEvent.click(screen.getByRole('button', { name: 'Back to library' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Fresh news.' }));
    expect(await screen.findByRole('heading', { name: 'Fresh news.' })).toBeTruthy();
    await waitFor(() => expect(backend.callsOf('getDocument')).toHaveLength(1));
  });
});
