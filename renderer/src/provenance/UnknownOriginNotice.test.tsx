/** The export panel's unknown-origin notice (issue 12): says the footer counts them as MT; an editor declares them human with a reason. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { backendWithProfile, renderApp } from '../../test/renderApp.js';
import { bytesToBase64 } from '../base64.js';

const UNTOLD_XLIFF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="story.txt" source-language="en" target-language="es" datatype="plaintext" tool-id="omt">
    <header><tool tool-id="omt" tool-name="OmegaT" tool-version="3.6"/></header>
    <body>
      <trans-unit id="1"><source>One.</source><target state="translated">Uno.</target></trans-unit>
      <trans-unit id="2"><source>Two.</source><target state="translated">Dos.</target></trans-unit>
    </body>
  </file>
</xliff>`;

afterEach(() => cleanup());

describe('unknown origin notice', () => {
  it('shows nothing when every origin is known', async () => {
    const backend = await backendWithProfile('editor');
    await backend.seedDocument([{ source: 'One.', target: 'Uno.', status: 'signed-off' }], { title: 'The story' });
    renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: 'The story' }));
    await screen.findByRole('combobox', { name: 'Export format' });
    expect(backend.callsOf('getDocumentOrigins')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Declare human translation…' })).toBeNull();
  });

  it('an editor declares them human with a reason; the notice then says who and why', async () => {
    const backend = await backendWithProfile('editor', 'Elena Editor');
    // An XLIFF file from OmegaT whose targets do not say how they were translated.
    const doc = await backend.api.importDocument({
      source: { kind: 'file', fileName: 'story.xlf', dataBase64: bytesToBase64(new TextEncoder().encode(UNTOLD_XLIFF)) },
      sourceLang: 'en',
      targetLang: 'es',
      title: 'The story',
    });
    renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: 'The story' }));
    await screen.findByText(/2 paragraphs \(1, 2\) came from an imported file that does not say how they were translated/);
    expect(screen.getByText(/Imported from: OmegaT 3.6\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Declare human translation…' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Why is this human translation?' }), {
      target: { value: 'Ana Ruiz translated it' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Declare human' }));
    await screen.findByText('2 paragraphs declared human translation by Elena Editor: Ana Ruiz translated it');
    expect(backend.callsOf('declareHumanOrigin')).toEqual([{ documentId: doc.id, reason: 'Ana Ruiz translated it' }]);
    expect(screen.queryByRole('button', { name: 'Declare human translation…' })).toBeNull();
  });
});
