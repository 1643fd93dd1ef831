/** Send for review (editor) and Open package (library) over real backends: the file saved, the document added, a bad file refused. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { backendWithProfile, renderApp } from '../../test/renderApp.js';

afterEach(() => cleanup());

describe('review packages', () => {
  it('Send for review saves the signed package of the open document', async () => {
    const backend = await backendWithProfile('translator', 'Tina');
    await backend.seedDocument([{ source: 'One.', target: 'Uno.', status: 'translated' }], { title: 'The story' });
    const { platform } = renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: 'The story' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Send for review' }));
    await screen.findByText(/Saved the-story\.verso-review\.json/);
    expect(platform.savedFiles).toHaveLength(1);
    const saved = JSON.parse(platform.savedFiles[0]!.content) as { format: string; signer: { name: string } };
    expect(saved).toMatchObject({ format: 'verso-review-package', signer: { name: 'Tina' } });
  });

  it('Open package adds the document; a changed file is refused', async () => {
    const sender = await backendWithProfile('translator', 'Tina');
    const doc = await sender.seedDocument([{ source: 'One.', target: 'Uno.', status: 'translated' }], { title: 'The story' });
    const { content } = await sender.api.sendForReview({ documentId: doc.id });
    const backend = await backendWithProfile('editor', 'Eddie');
    renderApp({ backend });
    const input = await screen.findByLabelText('Open package');
    const file = (text: string) => new File([text], 'the-story.verso-review.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [file(content.replace('Uno.', 'Dos.'))] } });
    await screen.findByText(/This file is not a valid review package: the signature does not verify/);
    fireEvent.change(input, { target: { files: [file(content)] } });
    await screen.findByText(/Added “The story” from Tina’s package/);
    expect(await screen.findByRole('button', { name: 'The story' })).toBeTruthy();
  });
});
