import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { ApiCallError } from '../../../shared/api.js';
import { createI18n } from '../i18n/i18n.js';
import { StartError } from './StartError.js';

const damaged = (details: Record<string, string>) =>
  new ApiCallError({
    code: 'LIBRARY_DAMAGED',
    message: 'x',
    details: { file: '/d/verso.sqlite', problem: 'the file is empty (0 bytes)', ...details },
  });

function show(error: unknown, language: 'en' | 'de' = 'en') {
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <StartError error={error} />
    </I18nextProvider>,
  );
}

describe('StartError', () => {
  it('a damaged library: one sentence, and the newest good backup offered', () => {
    show(damaged({ backup: '/d/backups/b.sqlite', backupCreatedAt: '2026-12-01T10:00:00Z' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'The library /d/verso.sqlite is damaged (the file is empty (0 bytes)), so Verso will not open or change it.',
    );
    expect(
      screen.getByText(
        'The newest good backup is /d/backups/b.sqlite (made 2026-12-01T10:00:00Z): restore it with “verso restore /d/backups/b.sqlite”.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText('Verso could not load your profile.')).toBeNull();
  });

  it('without a backup it says so, in German too', () => {
    show(damaged({}), 'de');
    expect(screen.getByRole('alert').textContent).toContain('ist beschädigt');
    expect(screen.getByText(/keine intakte Sicherung/)).toBeTruthy();
  });

  it('other failures keep the generic line', () => {
    show(new ApiCallError({ code: 'INTERNAL', message: 'boom' }));
    expect(screen.getByText('Verso could not load your profile.')).toBeTruthy();
  });
});
