import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n.js';
import { DiffView } from '../workflow/DiffView.js';
import { InlineText } from './InlineText.js';

describe('inline tokens in read-only views', () => {
  it('a diff shows tokens as numbered marks, never as raw placeholder characters', () => {
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <DiffView before={'The \uE000river\uE100 rose.'} after={'The \uE000sea\uE100 rose\uE201.'} lang="en" dir="ltr" label="Changes" />
      </I18nextProvider>,
    );
    const text = screen.getByText('Changes').closest('figure')!.textContent;
    expect(text).toContain('⟨1⟩');
    expect(text).toContain('⟨/1⟩');
    expect(text).toContain('⟦2⟧');
    // The marks stay apart from the words: only the word itself is shown changed.
    expect(screen.getByText('river', { exact: false }).closest('del')).toBeTruthy();
    expect(text).not.toMatch(/[\uE000-\uE2FF]/);
  });

  it('source text shows chips with translated names (German too)', () => {
    render(
      <I18nextProvider i18n={createI18n('de')}>
        <p>
          <InlineText
            text={'Ein \uE000Link\uE100 und \uE201'}
            codes={[
              { type: 'link', href: 'https://x.example/' },
              { type: 'code', text: 'npm i' },
            ]}
          />
        </p>
      </I18nextProvider>,
    );
    expect(screen.getByRole('img', { name: 'Anfang: Link auf https://x.example/' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Code: npm i' }).textContent).toBe('npm i');
  });
});
