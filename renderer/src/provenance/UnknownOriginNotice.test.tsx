/** The export panel's unknown-origin notice (issue 12): says the footer counts them as MT; an editor declares them human with a reason. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { apiWithProfile, renderApp } from '../../test/renderApp.js';

afterEach(() => cleanup());

describe('unknown origin notice', () => {
  it('shows nothing when every origin is known', async () => {
    const api = apiWithProfile('editor');
    api.seedDocument([{ source: 'One.', target: 'Uno.', status: 'signed-off' }], { title: 'The story' });
    renderApp({ api });
    fireEvent.click(await screen.findByRole('button', { name: 'The story' }));
    await screen.findByRole('combobox', { name: 'Export format' });
    expect(api.callsOf('getDocumentOrigins')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Declare human translation…' })).toBeNull();
  });

  it('an editor declares them human with a reason; the notice then says who and why', async () => {
    const api = apiWithProfile('editor', 'Elena Editor');
    const doc = api.seedDocument([{ source: 'One.', target: 'Uno.', status: 'signed-off' }, { source: 'Two.', target: 'Dos.', status: 'signed-off' }], { title: 'The story' });
    api.origins.set(doc.id, {
      unknown: doc.paragraphs.map((p) => ({ paragraphId: p.id, number: p.index + 1, tool: 'OmegaT 3.6', declaredHuman: null })),
    });
    renderApp({ api });
    fireEvent.click(await screen.findByRole('button', { name: 'The story' }));
    await screen.findByText(/2 paragraphs \(1, 2\) came from an imported file that does not say how they were translated/);
    expect(screen.getByText(/Imported from: OmegaT 3.6\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Declare human translation…' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Why is this human translation?' }), { target: { value: 'Ana Ruiz translated it' } });
    fireEvent.click(screen.getByRole('button', { name: 'Declare human' }));
    await screen.findByText('2 paragraphs declared human translation by Elena Editor: Ana Ruiz translated it');
    expect(api.callsOf('declareHumanOrigin')).toEqual([{ documentId: doc.id, reason: 'Ana Ruiz translated it' }]);
    expect(screen.queryByRole('button', { name: 'Declare human translation…' })).toBeNull();
  });
});
