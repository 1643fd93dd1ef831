import type { ParagraphSeed } from '../../../shared/testing/testBackend.js';
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { backendWithProfile, confirmFastSignOff, renderApp, type TestBackend } from '../../test/renderApp.js';

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

describe('QA inline and the sign-off gate', () => {
  it('shows QA issues as the text is typed', async () => {
    const backend = await backendWithProfile('translator');
    await openEditor(backend, [{ source: 'In 2024, 300 people came.', target: 'En 2024 vinieron 300 personas.', status: 'edited' }]);
    expect(within(rows()[0]!).queryByRole('list', { name: 'QA issues of paragraph 1' })).toBeNull();
    fireEvent.change(within(rows()[0]!).getByRole('textbox', { name: 'Translation' }), { target: { value: 'En 2025 vinieron personas' } });
    const list = within(rows()[0]!).getByRole('list', { name: 'QA issues of paragraph 1' });
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'Error: The number 2024 is missing or changed.',
      'Error: The number 300 is missing or changed.',
      'Error: The number 2025 is not in the source.',
      'Warning: The end punctuation differs: source ., translation ∅.',
    ]);
  });

  it('a paragraph with QA errors needs a reason; bulk sign-off skips it and says why', async () => {
    const backend = await backendWithProfile('editor', 'Elena Editor');
    const documentId = await openEditor(backend, [
      { source: 'In 2024 it rained.', target: 'En 2025 llovió.', status: 'translated' },
      { source: 'Two.', target: 'Dos.', status: 'translated' },
    ]);
    const ids = (await backend.api.getDocument({ documentId: documentId })).paragraphs.map((p) => p.id);

    fireEvent.click(screen.getByRole('button', { name: 'Sign off all confirmed' }));
    await confirmFastSignOff();
    await waitFor(() => expect(screen.getByText('1 of 2 signed off')).toBeTruthy());
    expect(screen.getByText('1 paragraph was skipped:')).toBeTruthy();
    expect(
      screen.getByRole('button', {
        name: 'Paragraph 1: QA errors (The number 2024 is missing or changed. The number 2025 is not in the source.)',
      }),
    ).toBeTruthy();

    const first = rows()[0]!;
    fireEvent.click(within(first).getByRole('button', { name: 'Sign off' }));
    // One question only: the reason (issue 11: it used to ask "faster than reading speed?" first).
    const reason = await within(first).findByRole('textbox', { name: 'Reason for signing off despite the QA errors' });
    expect(within(first).getByText('Paragraph 1 has QA errors and cannot be signed off without a reason.')).toBeTruthy();
    fireEvent.click(within(first).getByRole('button', { name: 'Sign off anyway' }));
    expect(within(first).getByText('Give a reason of at least 3 characters.')).toBeTruthy();
    fireEvent.change(reason, { target: { value: 'The year is right in the original report.' } });
    fireEvent.click(within(first).getByRole('button', { name: 'Sign off anyway' }));
    await waitFor(() => expect(screen.getByText('2 of 2 signed off')).toBeTruthy());
    expect(backend.callsOf('signOffReviewed').at(-1)).toEqual({
      paragraphIds: [ids[0]],
      overrides: [{ paragraphId: ids[0], reason: 'The year is right in the original report.' }],
      review: [{ paragraphId: ids[0], dwellMs: expect.any(Number), diffViewed: false }],
    });
    expect(within(first).queryByRole('textbox', { name: 'Reason for signing off despite the QA errors' })).toBeNull();
  });

  it('signing off a paragraph with a QA error asks one question, not two in a row', async () => {
    const backend = await backendWithProfile('editor', 'Elena Editor');
    const documentId = await openEditor(backend, [
      { source: 'In 2024 it rained a lot in the north.', target: 'En 2025 llovió mucho en el norte.', status: 'translated' },
    ]);
    const id = (await backend.api.getDocument({ documentId: documentId })).paragraphs[0]!.id;
    const first = rows()[0]!;
    fireEvent.click(within(first).getByRole('button', { name: 'Sign off' }));
    const reason = await within(first).findByRole('textbox', { name: 'Reason for signing off despite the QA errors' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    // The one question says both things: the QA errors, and that it is faster than reading speed.
    const form = reason.closest('form')!;
    expect(
      within(form as HTMLElement)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Error: The number 2024 is missing or changed.', 'Error: The number 2025 is not in the source.']);
    expect(form.textContent).toContain('faster than it can be read');
    expect(backend.callsOf('signOffReviewed')).toEqual([]);
    fireEvent.change(reason, { target: { value: 'The year is right in the original report.' } });
    fireEvent.click(within(first).getByRole('button', { name: 'Sign off anyway' }));
    await waitFor(() => expect(screen.getByText('1 of 1 signed off')).toBeTruthy());
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(backend.callsOf('signOffReviewed')).toEqual([
      {
        paragraphIds: [id],
        overrides: [{ paragraphId: id, reason: 'The year is right in the original report.' }],
        review: expect.any(Array),
      },
    ]);
  });

  it('the document QA list says "Error" or "Warning" in words, not by colour alone', async () => {
    const backend = await backendWithProfile('translator');
    await openEditor(backend, [
      { source: 'In 2024 it rained.', target: 'En 2025 llovió.', status: 'edited' },
      { source: 'In the mid-1990s it grew.', target: 'A mediados de los @1990s creció', status: 'edited' },
    ]);
    // The list is built only while it is open (workflow/DocumentQa).
    const details = screen.getByText('QA issues').closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    const list = await screen.findByRole('list', { name: 'QA issues' });
    expect(
      within(list)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([
      'Error: Paragraph 1: The number 2024 is missing or changed.',
      'Error: Paragraph 1: The number 2025 is not in the source.',
      'Error: Paragraph 2: “@1990s” carries a raw machine-translation mark (@: a word not translated, #: a form not generated).',
      'Warning: Paragraph 2: The end punctuation differs: source ., translation ∅.',
    ]);
    expect(within(rows()[1]!).getByRole('list', { name: 'QA issues of paragraph 2' }).textContent).toContain(
      'Error: “@1990s” carries a raw',
    );
  });

  it('signs off the paragraphs a filter shows, with the same gate and summary', async () => {
    const backend = await backendWithProfile('editor', 'Elena Editor');
    const documentId = await openEditor(backend, [
      { source: 'One.', target: 'Uno.', status: 'edited' },
      { source: 'In 2024 it rained.', target: 'En 2025 llovió.', status: 'edited' },
      { source: 'Three.', target: 'Tres.', status: 'translated' },
      { source: 'Four.', target: 'Cuatro.', status: 'edited' },
    ]);
    const ids = (await backend.api.getDocument({ documentId: documentId })).paragraphs.map((p) => p.id);
    expect(screen.queryByRole('button', { name: 'Sign off shown paragraphs' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'edited' } });
    expect(rows()).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Sign off shown paragraphs' }));
    await confirmFastSignOff();
    await waitFor(() => expect(screen.getByText('2 of 4 signed off')).toBeTruthy());
    expect(backend.callsOf('signOffReviewed')).toEqual([{ paragraphIds: [ids[0], ids[1], ids[3]], review: expect.any(Array) }]);
    expect(screen.getByText('1 paragraph was skipped:')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Paragraph 2: QA errors/ })).toBeTruthy();
    // Signed-off rows leave the "Edited" filter; the blocked one stays.
    expect(rows()).toHaveLength(1);
  });
});
