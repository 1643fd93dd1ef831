/** "…2:09 PMWords the engine did not know…" (issue 11): the MT facts are separate, on screen and in the text. */
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { Paragraph } from '../../../shared/types.js';
import { createI18n } from '../i18n/i18n.js';
import { MtProvenance } from './MtProvenance.js';

const paragraph: Paragraph = {
  id: 'p-1',
  documentId: 'doc-1',
  index: 0,
  kind: 'paragraph',
  marker: null,
  source: 'Alibaba denied it.',
  target: 'Alibaba lo negó.',
  status: 'machine',
  mt: {
    text: 'Alibaba lo negó.',
    engineId: 'apertium',
    engineVersion: 'apertium 3.8.3',
    sourceLang: 'en',
    targetLang: 'es',
    createdAt: '2025-03-04T14:09:00.000Z',
    unknownWords: ['Alibaba', 'Xi'],
  },
  signOff: null,
  updatedAt: '2025-03-04T14:09:00.000Z',
};

describe('MtProvenance', () => {
  it('keeps the time and the unknown words apart, as two paragraphs of one named group', () => {
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <MtProvenance paragraph={paragraph} number={1} />
      </I18nextProvider>,
    );
    const group = screen.getByRole('group', { name: 'Machine translation of paragraph 1' });
    const parts = [...group.querySelectorAll('p')].map((p) => p.textContent);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatch(/^apertium 3\.8\.3, produced .*2025/);
    expect(parts[1]).toBe('Words the engine did not know: Alibaba, Xi');
    // Read as one text (a screen reader's line, a copy), the two never run together.
    expect(group.textContent).toMatch(/[^\s]\s+Words the engine did not know/);
    expect(group.textContent).not.toMatch(/[^\s]Words the engine/);
    expect(within(group).getByText('Words the engine did not know: Alibaba, Xi').tagName).toBe('P');
  });

  it('shows only the provenance line when every word was known', () => {
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <MtProvenance paragraph={{ ...paragraph, mt: { ...paragraph.mt!, unknownWords: [] } }} number={2} />
      </I18nextProvider>,
    );
    const group = screen.getByRole('group', { name: 'Machine translation of paragraph 2' });
    expect(group.querySelectorAll('p')).toHaveLength(1);
    expect(group.textContent).not.toContain('Words the engine');
  });
});
