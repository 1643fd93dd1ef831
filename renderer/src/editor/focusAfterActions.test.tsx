/**
 * Focus never falls to <body> after a bulk action or a dialog (issue 11, "Keyboard and focus"):
 * it goes somewhere sensible, and stays where the person put it if they moved on.
 */
import type { ParagraphSeed } from '../../../shared/testing/testBackend.js';
import { describe, expect, it } from 'vitest';
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { backendWithProfile, confirmFastSignOff, renderApp, type TestBackend } from '../../test/renderApp.js';

// The machine running the tests may be busy: wait longer than the default second for the UI.
configure({ asyncUtilTimeout: 10_000 });

async function openEditor(backend: TestBackend, paragraphs: ParagraphSeed[]): Promise<string> {
  const doc = await backend.seedDocument(paragraphs, { title: 'The story' });
  renderApp({ backend });
  fireEvent.click(await screen.findByRole('button', { name: 'The story' }, { timeout: 10_000 }));
  await screen.findByRole('table', { name: 'Paragraphs' }, { timeout: 10_000 });
  return doc.id;
}

function rows(): HTMLElement[] {
  return within(screen.getByRole('table', { name: 'Paragraphs' })).getAllByRole('row');
}

function translation(index: number): HTMLElement {
  return within(rows()[index]!).getByRole('textbox', { name: 'Translation' });
}

/** Clicks like a person: the button gets focus first. */
function press(button: HTMLElement): void {
  act(() => button.focus());
  fireEvent.click(button);
}

describe('focus after bulk actions', () => {
  it('Translate all: Cancel while the job runs, then "Translate all" again when it is done', async () => {
    const backend = await backendWithProfile('translator');
    await openEditor(backend, [{ source: 'One.' }, { source: 'Two.' }]);
    const translateAll = screen.getByRole('button', { name: 'Translate all' });
    await waitFor(() => expect((translateAll as HTMLButtonElement).disabled).toBe(false));
    // The engine answers only when released: the job is seen running.
    const mt = backend.holdMt();
    press(translateAll);
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    await waitFor(() => expect(document.activeElement).toBe(cancel));

    mt.release();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Translate all' })));
    expect(screen.getByText('Machine translation finished.')).toBeTruthy();
  });

  it('Translate all cancelled: focus goes back to "Translate all"', async () => {
    const backend = await backendWithProfile('translator');
    await openEditor(backend, [{ source: 'One.' }, { source: 'Two.' }]);
    const translateAll = screen.getByRole('button', { name: 'Translate all' });
    await waitFor(() => expect((translateAll as HTMLButtonElement).disabled).toBe(false));
    backend.holdMt();
    press(translateAll);
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    // The real cancel: the job ends "cancelled" with nothing translated.
    press(cancel);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Translate all' })));
  });

  it('does not take focus away from a row the translator went on typing in while the job ran', async () => {
    const backend = await backendWithProfile('translator');
    await openEditor(backend, [{ source: 'One.' }, { source: 'Two.', target: 'Dos.', status: 'edited' }]);
    const translateAll = screen.getByRole('button', { name: 'Translate all' });
    await waitFor(() => expect((translateAll as HTMLButtonElement).disabled).toBe(false));
    const mt = backend.holdMt();
    press(translateAll);
    await screen.findByRole('button', { name: 'Cancel' });
    act(() => translation(1).focus());
    mt.release();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull());
    expect(document.activeElement).toBe(translation(1));
  });

  it('Sign off all confirmed: focus goes to the first skipped paragraph, or to the message when none was skipped', async () => {
    const backend = await backendWithProfile('editor', 'Elena Editor');
    await openEditor(backend, [
      { source: 'In 2024 it rained.', target: 'En 2025 llovió.', status: 'translated' },
      { source: 'Two.', target: 'Dos.', status: 'translated' },
    ]);
    press(screen.getByRole('button', { name: 'Sign off all confirmed' }));
    await confirmFastSignOff();
    const skipped = await screen.findByRole('button', { name: /^Paragraph 1: QA errors/ });
    await waitFor(() => expect(document.activeElement).toBe(skipped));
    // Choosing it moves to the paragraph.
    fireEvent.click(skipped);
    await waitFor(() => expect(document.activeElement).toBe(translation(0)));
  });

  it('Sign off all confirmed with nothing skipped: focus on the message saying what was done', async () => {
    const backend = await backendWithProfile('editor', 'Elena Editor');
    await openEditor(backend, [
      { source: 'One.', target: 'Uno.', status: 'translated' },
      { source: 'Two.', target: 'Dos.', status: 'translated' },
    ]);
    press(screen.getByRole('button', { name: 'Sign off all confirmed' }));
    await confirmFastSignOff();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('2 paragraphs signed off.'));
    expect(document.activeElement?.getAttribute('role')).toBe('status');
  });

  it('"Keep reviewing" in the fast sign-off question leaves focus near where it was, never on <body>', async () => {
    const backend = await backendWithProfile('editor', 'Elena Editor');
    await openEditor(backend, [{ source: 'One.', target: 'Uno.', status: 'translated' }]);
    press(screen.getByRole('button', { name: 'Sign off all confirmed' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Sign off faster than reading speed?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep reviewing' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sign off all confirmed' })));
  });

  it('a sign-off with an override reason (or cancelled) leaves focus in the row’s Translation box', async () => {
    const backend = await backendWithProfile('editor', 'Elena Editor');
    await openEditor(backend, [
      { source: 'In 2024 it rained.', target: 'En 2025 llovió.', status: 'translated' },
      { source: 'In 2023 it snowed.', target: 'En 2022 nevó.', status: 'translated' },
    ]);
    press(within(rows()[0]!).getByRole('button', { name: 'Sign off' }));
    const reason = await within(rows()[0]!).findByRole('textbox', { name: 'Reason for signing off despite the QA errors' });
    fireEvent.change(reason, { target: { value: 'The year is right in the original report.' } });
    press(within(rows()[0]!).getByRole('button', { name: 'Sign off anyway' }));
    await waitFor(() => expect(screen.getByText('1 of 2 signed off')).toBeTruthy());
    // Over the real backend the progress can show before the focus is back (it is, once the row is redrawn).
    await waitFor(() => expect(document.activeElement).toBe(translation(0)));

    press(within(rows()[1]!).getByRole('button', { name: 'Sign off' }));
    const second = await within(rows()[1]!).findByRole('textbox', { name: 'Reason for signing off despite the QA errors' });
    fireEvent.keyDown(second, { key: 'Escape' });
    expect(within(rows()[1]!).queryByRole('textbox', { name: 'Reason for signing off despite the QA errors' })).toBeNull();
    expect(document.activeElement).toBe(translation(1));
  });
});

describe('focus after dialogs', () => {
  it('the shortcut overlay lists F6, Shift+F6 and Ctrl+G and gives focus back on close', async () => {
    await openEditor(await backendWithProfile('translator'), [{ source: 'One.' }]);
    const opener = screen.getByRole('button', { name: 'Keyboard shortcuts' });
    press(opener);
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByRole('row', { name: /^F6 / }).textContent).toContain('Next area: toolbar, paragraph list, side panels');
    expect(within(help).getByRole('row', { name: /^Shift\+F6 / }).textContent).toContain('Previous area');
    expect(within(help).getByRole('row', { name: /^Ctrl\+G / }).textContent).toContain('Go to paragraph');
    fireEvent.keyDown(within(help).getByRole('button', { name: 'Close' }), { key: 'Escape' });
    expect(document.activeElement).toBe(opener);
  });

  it('when the control that opened a dialog has gone, focus goes to the nearest control, not <body>', async () => {
    await openEditor(await backendWithProfile('translator'), [{ source: 'One.' }]);
    act(() => translation(0).focus());
    fireEvent.keyDown(translation(0), { key: 'g', ctrlKey: true });
    const dialog = await screen.findByRole('dialog', { name: 'Go to paragraph' });
    // The box it came from is disabled meanwhile (as a bulk action does to its buttons).
    translation(0).setAttribute('disabled', '');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).not.toBe(document.body);
    expect(document.activeElement?.closest('[role="row"]')).toBe(rows()[0]);
  });

  it('F6 and Ctrl+G do nothing while a modal dialog is open', async () => {
    await openEditor(await backendWithProfile('translator'), [{ source: 'One.' }]);
    press(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const close = within(help).getByRole('button', { name: 'Close' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(close, { key: 'F6' });
    fireEvent.keyDown(close, { key: 'g', ctrlKey: true });
    expect(document.activeElement).toBe(close);
    expect(screen.queryByRole('dialog', { name: 'Go to paragraph' })).toBeNull();
  });
});
