/**
 * The virtualized paragraph list in the whole app over the real backend. jsdom does no layout, so
 * rows are given a height and the window's scroll position is simulated.
 */
import type { ParagraphSeed, TestSnapshot } from '../../../shared/testing/testBackend.js';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { backendWithProfile, createTestBackend, renderApp, type TestBackend } from '../../test/renderApp.js';
import { ESTIMATED_ROW_HEIGHT, RENDER_ALL_UP_TO, withPinned } from './ParagraphList.js';

// The machine running the tests may be busy: wait longer than the default second for the UI.
configure({ asyncUtilTimeout: 10_000 });

// Rows measure as estimated, so a scroll position maps to a known row.
const ROW_HEIGHT = ESTIMATED_ROW_HEIGHT;
let scrollY = 0;
const saved = {
  offsetHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight')!,
  scrollY: Object.getOwnPropertyDescriptor(window, 'scrollY'),
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be put back on window, never called detached
  scrollTo: window.scrollTo,
};

beforeEach(() => {
  scrollY = 0;
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.hasAttribute('data-index') ? ROW_HEIGHT : 0;
    },
  });
  Object.defineProperty(window, 'scrollY', { configurable: true, get: () => scrollY });
  // The page is as tall as the rows (the virtualizer ignores scroll events past the page's end).
  Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, get: () => 100_000 * ROW_HEIGHT });
  window.scrollTo = ((options: ScrollToOptions) => {
    scrollY = Math.max(0, options.top ?? scrollY);
    window.dispatchEvent(new Event('scroll'));
  }) as typeof window.scrollTo;
});

afterEach(() => {
  vi.useRealTimers();
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', saved.offsetHeight);
  if (saved.scrollY) Object.defineProperty(window, 'scrollY', saved.scrollY);
  delete (document.documentElement as { scrollHeight?: number }).scrollHeight;
  window.scrollTo = saved.scrollTo;
});

function scrollWindowTo(top: number): void {
  act(() => window.scrollTo({ top }));
}

/** The 10,000-paragraph story, seeded once for the file (through the services: about 10 s); each test opens a copy. */
let longStory: { snapshot: TestSnapshot; documentId: string };
beforeAll(async () => {
  const backend = await backendWithProfile();
  const doc = await backend.seedDocument(numbered(10_000), { title: 'The long story' });
  longStory = { snapshot: backend.snapshot(), documentId: doc.id };
}, 120_000);

async function openLongStory(): Promise<{ backend: TestBackend; documentId: string }> {
  const backend = await createTestBackend({ from: longStory.snapshot });
  await show(backend);
  return { backend, documentId: longStory.documentId };
}

async function openEditor(backend: TestBackend, paragraphs: ParagraphSeed[]): Promise<string> {
  const doc = await backend.seedDocument(paragraphs, { title: 'The long story' });
  await show(backend);
  return doc.id;
}

async function show(backend: TestBackend): Promise<void> {
  renderApp({ backend });
  fireEvent.click(await screen.findByRole('button', { name: 'The long story' }, { timeout: 10_000 }));
  await screen.findByRole('table', { name: 'Paragraphs' }, { timeout: 10_000 });
}

function numbered(count: number): ParagraphSeed[] {
  return Array.from({ length: count }, (_, i) => ({
    source: `Sentence number ${i + 1}.`,
    target: `Frase número ${i + 1}.`,
    status: 'machine' as const,
  }));
}

/** Paragraph `index` of the document as stored (one page of one, not the whole document). */
async function paragraphAt(backend: TestBackend, documentId: string, index: number) {
  const page = await backend.api.getParagraphPage({ documentId, from: index, limit: 1 });
  return page.paragraphs[0]!;
}

function table(): HTMLElement {
  return screen.getByRole('table', { name: 'Paragraphs' });
}

function mountedRows(): HTMLElement[] {
  return within(table()).queryAllByRole('row');
}

/** The row of paragraph `number` (its first cell) when it is mounted. */
function rowOf(number: number): HTMLElement | undefined {
  return mountedRows().find((r) => within(r).getAllByRole('cell')[0]!.textContent === String(number));
}

function box(number: number): HTMLTextAreaElement {
  return within(rowOf(number)!).getByRole<HTMLTextAreaElement>('textbox', { name: 'Translation' });
}

describe('withPinned', () => {
  it('adds the pinned indexes to the window, sorted and once each', () => {
    expect(withPinned([4, 5, 6], [])).toEqual([4, 5, 6]);
    expect(withPinned([4, 5, 6], [9000, 5, 1])).toEqual([1, 4, 5, 6, 9000]);
  });
});

describe('the virtualized paragraph list', () => {
  it(`renders a short article whole (up to ${RENDER_ALL_UP_TO} paragraphs)`, async () => {
    await openEditor(await backendWithProfile(), numbered(RENDER_ALL_UP_TO));
    expect(mountedRows()).toHaveLength(RENDER_ALL_UP_TO);
    expect(table().getAttribute('aria-rowcount')).toBe(String(RENDER_ALL_UP_TO));
  });

  it('mounts only a window of rows of a 10,000-paragraph document, numbered for screen readers', async () => {
    await openLongStory();
    expect(table().getAttribute('aria-rowcount')).toBe('10000');
    const rows = mountedRows();
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(30);
    expect(rows.map((r) => r.getAttribute('aria-rowindex'))).toEqual(rows.map((_, i) => String(i + 1)));
    expect(within(rows[0]!).getAllByRole('cell')[0]!.textContent).toBe('1');

    // Scrolling far down mounts the rows there and unmounts those at the top.
    scrollWindowTo(5_000 * ROW_HEIGHT);
    await waitFor(() => expect(rowOf(5_001)).toBeDefined());
    expect(rowOf(1)).toBeUndefined();
    expect(mountedRows().length).toBeLessThan(30);
  });

  it('Ctrl+G goes to paragraph 9,000 and focuses its Translation box; an out-of-range number is refused', async () => {
    await openLongStory();
    expect(rowOf(9_000)).toBeUndefined();
    fireEvent.keyDown(window, { key: 'g', ctrlKey: true });
    const dialog = await screen.findByRole('dialog', { name: 'Go to paragraph' });
    const input = within(dialog).getByRole('spinbutton', { name: 'Paragraph number' });
    expect(document.activeElement).toBe(input);

    fireEvent.change(input, { target: { value: '10001' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Go' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('There is no such paragraph: enter a number from 1 to 10000.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(input, { target: { value: '0' } });
    fireEvent.submit(input.closest('form')!);
    expect(within(dialog).getByRole('alert')).toBeTruthy();

    fireEvent.change(input, { target: { value: '9000' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(document.activeElement).toBe(rowOf(9_000) && box(9_000)));
    expect(screen.queryByRole('dialog', { name: 'Go to paragraph' })).toBeNull();
    expect(within(rowOf(9_000)!).getAllByRole('cell')[0]!.textContent).toBe('9000');
    expect(box(9_000).value).toBe('Frase número 9000.');
    // The list scrolled there: the rows around it are mounted, not those of the top.
    await waitFor(() => expect(rowOf(8_999)).toBeDefined());
    expect(rowOf(1)).toBeUndefined();
  });

  it('Escape closes Go to paragraph and puts focus back where it was', async () => {
    await openEditor(await backendWithProfile(), numbered(200));
    act(() => box(2).focus());
    fireEvent.keyDown(document.activeElement!, { key: 'g', ctrlKey: true });
    const dialog = await screen.findByRole('dialog', { name: 'Go to paragraph' });
    fireEvent.keyDown(within(dialog).getByRole('spinbutton'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(box(2));
  });

  it('keeps the focused row mounted (and focused) while it is scrolled far out of view', async () => {
    await openLongStory();
    const focused = box(2);
    act(() => focused.focus());
    scrollWindowTo(6_000 * ROW_HEIGHT);
    await waitFor(() => expect(rowOf(6_001)).toBeDefined());
    expect(rowOf(2)).toBeDefined();
    expect(rowOf(3)).toBeUndefined();
    expect(document.activeElement).toBe(focused);
    expect(focused.isConnected).toBe(true);

    // Once focus has left it, the row goes like any other.
    act(() => box(6_001).focus());
    await waitFor(() => expect(rowOf(2)).toBeUndefined());
  });

  it('Alt+↓ from the last mounted row mounts and focuses the next one', async () => {
    await openLongStory();
    const last = mountedRows().at(-1)!;
    const n = Number(last.getAttribute('aria-rowindex'));
    act(() => box(n).focus());
    fireEvent.keyDown(box(n), { key: 'ArrowDown', altKey: true });
    await waitFor(() => expect(document.activeElement).toBe(rowOf(n + 1) && box(n + 1)));
  });

  it('never loses text typed in a row scrolled out of view before its autosave', async () => {
    const { backend, documentId } = await openLongStory();
    const paragraphId = (await paragraphAt(backend, documentId, 2)).id;
    fireEvent.change(box(3), { target: { value: 'Texto nuevo.' } });
    scrollWindowTo(7_000 * ROW_HEIGHT);
    await waitFor(() => expect(rowOf(7_001)).toBeDefined());
    // Kept mounted while unsaved; saved by the autosave, then it goes.
    await waitFor(() => expect(backend.callsOf('updateParagraphTarget')).toEqual([{ paragraphId, target: 'Texto nuevo.' }]));
    await waitFor(() => expect(rowOf(3)).toBeUndefined());
    scrollWindowTo(0);
    await waitFor(() => expect(rowOf(3)).toBeDefined());
    expect(box(3).value).toBe('Texto nuevo.');
    expect((await paragraphAt(backend, documentId, 2)).target).toBe('Texto nuevo.');
  });

  it('saves at once the text of a row that the filter hides before its autosave', async () => {
    const backend = await backendWithProfile();
    const documentId = await openEditor(backend, numbered(300));
    const paragraphId = (await paragraphAt(backend, documentId, 2)).id;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.change(box(3), { target: { value: 'Texto escondido.' } });
    // The find bar hides the row: it unmounts, and its pending text is sent then (the autosave timer never ran).
    fireEvent.change(screen.getByRole('searchbox', { name: 'Find' }), { target: { value: 'number 1' } });
    expect(rowOf(3)).toBeUndefined();
    await act(async () => {});
    vi.useRealTimers();
    await waitFor(() => expect(backend.callsOf('updateParagraphTarget')).toEqual([{ paragraphId, target: 'Texto escondido.' }]));
    expect((await paragraphAt(backend, documentId, 2)).target).toBe('Texto escondido.');
  });

  it('keeps text whose save failed after its row was hidden, and saves it when the row is shown again', async () => {
    const backend = await backendWithProfile();
    const documentId = await openEditor(backend, numbered(300));
    backend.failNext('updateParagraphTarget', { code: 'INTERNAL', message: 'disk full' });
    fireEvent.change(box(3), { target: { value: 'Texto que no se pierde.' } });
    const find = screen.getByRole('searchbox', { name: 'Find' });
    fireEvent.change(find, { target: { value: 'number 1' } });
    expect(rowOf(3)).toBeUndefined();
    await waitFor(() => expect(backend.callsOf('updateParagraphTarget')).toHaveLength(1));
    expect((await paragraphAt(backend, documentId, 2)).target).toBe('Frase número 3.');

    fireEvent.change(find, { target: { value: '' } });
    await waitFor(() => expect(rowOf(3)).toBeDefined());
    expect(box(3).value).toBe('Texto que no se pierde.');
    await waitFor(async () => expect((await paragraphAt(backend, documentId, 2)).target).toBe('Texto que no se pierde.'));
  });

  it('Find filters 10,000 paragraphs and the table counts only the rows shown', async () => {
    await openLongStory();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Find' }), { target: { value: 'number 9999.' } });
    await waitFor(() => expect(table().getAttribute('aria-rowcount')).toBe('1'));
    expect(mountedRows()).toHaveLength(1);
    expect(within(mountedRows()[0]!).getAllByRole('cell')[0]!.textContent).toBe('9999');
    expect(screen.getByText('Showing 1 of 10000 paragraphs.')).toBeTruthy();
  });
});
