/** The re-import summary says what an XLIFF's translations did (issue 14), in English and German. */
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { ReimportSummary } from '../../../shared/features/importingApi.js';
import { createI18n } from '../i18n/i18n.js';
import { ReimportSummaryView } from './ReimportPanel.js';

const SUMMARY: ReimportSummary = {
  reimportId: 1,
  unchanged: 5,
  moved: [],
  changed: [],
  added: [],
  removed: [],
  signOffsWithdrawn: 0,
  translations: {
    tool: 'memoQ 9.12',
    applied: [1, 2],
    unchanged: 1,
    signOffsReopened: [1],
    skipped: [
      { paragraph: 4, reason: 'excluded' },
      { paragraph: 5, reason: 'no-target' },
    ],
  },
};

describe('ReimportSummaryView with translations', () => {
  it('lists applied, unchanged, reopened sign-offs and each skip with its reason', () => {
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <ReimportSummaryView summary={SUMMARY} />
      </I18nextProvider>,
    );
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('Translations in the file (from memoQ 9.12)');
    expect(status.textContent).toContain('Applied as new revisions: 2 paragraphs (1 and 2)');
    expect(status.textContent).toContain('Unchanged: 1 translation');
    expect(status.textContent).toContain('Sign-off reopened (text changed): paragraph 1');
    expect(status.textContent).toContain('Skipped: paragraph 4 is excluded from translation');
    expect(status.textContent).toContain("Skipped: paragraph 5 has no translation in the file (Verso's is kept)");
  });

  it('German', () => {
    render(
      <I18nextProvider i18n={createI18n('de')}>
        <ReimportSummaryView summary={SUMMARY} />
      </I18nextProvider>,
    );
    expect(screen.getByRole('status').textContent).toContain('Als neue Revisionen übernommen: 2 Absätze (1 und 2)');
  });
});
