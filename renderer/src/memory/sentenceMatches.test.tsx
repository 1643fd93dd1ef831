/** The TM panel's sentence matches (issue 17 item 3) over the real backend: scores, Insert sentence, Insert assembled, shortcuts. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createTestBackend, renderApp } from '../../test/renderApp.js';
import { setActiveParagraph } from './activeParagraph.js';

beforeEach(() => setActiveParagraph(null));

const MONDAY = 'La tormenta azotó la costa el lunes.';
const POWER = 'Miles de hogares se quedaron sin luz.';

/** Elena signed off a two-sentence paragraph (its sentence pairs enter the TM); Tess opens a story of three sentences. */
async function openStory() {
  const backend = await createTestBackend();
  await backend.seedProfile('editor', 'Elena');
  await backend.seedDocument(
    [{ source: 'The storm hit the coast on Monday. Thousands of homes lost power.', target: `${MONDAY} ${POWER}`, status: 'signed-off' }],
    { title: 'Storm story' },
  );
  await backend.seedProfile('translator', 'Tess Translator');
  const doc = await backend.seedDocument(
    [{ source: 'The storm hit the coast on Tuesday. Thousands of homes lost power. Schools stay closed.' }, { source: 'Other.' }],
    { title: 'The story' },
  );
  renderApp({ backend });
  fireEvent.click(await screen.findByRole('button', { name: 'The story' }));
  const table = await screen.findByRole('table', { name: 'Paragraphs' });
  const box = within(within(table).getAllByRole('row')[0]!).getByRole<HTMLTextAreaElement>('textbox', { name: 'Translation' });
  box.focus();
  return { backend, paragraphId: doc.paragraphs[0]!.id, box };
}

describe('sentence matches in the TM panel', () => {
  it('lists each sentence with its best match and score; Insert sentence and Insert assembled write them', async () => {
    const { backend, paragraphId, box } = await openStory();
    const region = await screen.findByRole('region', { name: 'Sentence matches' });
    const items = await within(within(region).getByRole('list', { name: 'Sentence matches' })).findAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(within(items[0]!).getByLabelText('87 percent match')).toBeTruthy();
    expect(items[0]!.textContent).toContain(MONDAY);
    expect(within(items[1]!).getByLabelText('100 percent match')).toBeTruthy();
    expect(items[2]!.textContent).toContain('No match of 50 % or more');
    expect(within(items[2]!).queryByRole('button', { name: 'Insert sentence' })).toBeNull();

    fireEvent.click(within(items[1]!).getByRole('button', { name: 'Insert sentence' }));
    await waitFor(() => expect(box.value).toBe(POWER));
    const [call] = backend.callsOf('applyTmSentence') as [{ sentenceIndex: number }];
    expect(call).toMatchObject({ paragraphId, sentenceIndex: 1 });

    fireEvent.click(within(region).getByRole('button', { name: 'Insert assembled' }));
    await waitFor(() => expect(box.value).toBe(`${MONDAY} ${POWER} Schools stay closed.`));
    expect(backend.callsOf('applyTmAssembled')).toEqual([{ paragraphId, unitIds: [expect.any(Number), expect.any(Number), null] }]);
    const history = await backend.api.getParagraphHistory({ paragraphId });
    expect(history.entries.filter((e) => e.origin === 'tm')).toHaveLength(2);
  });

  it('Ctrl+Shift+1 inserts sentence 1, Ctrl+Shift+M all assembled', async () => {
    const { backend, paragraphId, box } = await openStory();
    await screen.findByRole('region', { name: 'Sentence matches' });
    fireEvent.keyDown(box, { key: '!', code: 'Digit1', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(box.value).toBe(MONDAY));
    fireEvent.keyDown(box, { key: 'M', code: 'KeyM', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(box.value).toBe(`${MONDAY} ${POWER} Schools stay closed.`));
    expect(backend.callsOf('applyTmSentence')).toEqual([{ paragraphId, sentenceIndex: 0, unitId: expect.any(Number) }]);
    expect(backend.callsOf('applyTmAssembled')).toHaveLength(1);
  });
});
