/** The document's QA list on a long document: checked when first opened, shown a page at a time, and going to a paragraph mounts its row. */
import { describe, expect, it } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { backendWithProfile, renderApp } from '../../test/renderApp.js';
import { CHECK_ON_OPEN_UP_TO, QA_LIST_PAGE } from './DocumentQa.js';

configure({ asyncUtilTimeout: 10_000 });

async function openEditor(count: number) {
  const backend = await backendWithProfile('translator');
  // Every paragraph's number is missing from its (machine) translation: one QA error each.
  await backend.seedDocument(
    Array.from({ length: count }, (_, i) => ({
      source: `Paragraph ${i + 1} of the report.`,
      target: 'El párrafo del informe.',
      status: 'machine' as const,
    })),
    { title: 'QA story' },
  );
  renderApp({ backend });
  fireEvent.click(await screen.findByRole('button', { name: 'QA story' }));
  await screen.findByRole('table', { name: 'Paragraphs' });
}

function qaPanel(): HTMLDetailsElement {
  return screen.getByText('QA issues').closest('details')!;
}

function openPanel(): void {
  const details = qaPanel();
  details.open = true;
  fireEvent(details, new Event('toggle'));
}

describe('the document QA list', () => {
  it('counts the issues of a short document as soon as it opens', async () => {
    await openEditor(3);
    await waitFor(() => expect(qaPanel().querySelector('summary')!.textContent).toBe('QA issues 3 errors, 0 warnings'));
  });

  it('checks a long document only when the list is opened, shows it a page at a time, and goes to a paragraph', async () => {
    const count = CHECK_ON_OPEN_UP_TO + 200;
    await openEditor(count);
    expect(qaPanel().querySelector('summary')!.textContent).toBe('QA issues open to check the whole document');
    openPanel();
    await waitFor(() => expect(qaPanel().querySelector('summary')!.textContent).toBe(`QA issues ${count} errors, 0 warnings`));
    const list = within(qaPanel()).getByRole('list', { name: 'QA issues' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(QA_LIST_PAGE);
    fireEvent.click(within(qaPanel()).getByRole('button', { name: `Show ${QA_LIST_PAGE} more (of ${count})` }));
    expect(within(list).getAllByRole('listitem')).toHaveLength(2 * QA_LIST_PAGE);

    // Paragraph 150's row is not mounted; choosing its issue mounts it and focuses its translation.
    const table = screen.getByRole('table', { name: 'Paragraphs' });
    const rowOf = (n: number) =>
      within(table)
        .queryAllByRole('row')
        .find((r) => within(r).getAllByRole('cell')[0]!.textContent === String(n));
    expect(rowOf(150)).toBeUndefined();
    fireEvent.click(within(list).getByRole('button', { name: /^Error: Paragraph 150: / }));
    await waitFor(() =>
      expect(document.activeElement).toBe(rowOf(150) && within(rowOf(150)!).getByRole('textbox', { name: 'Translation' })),
    );
  });
});
