import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/types.js';
import { createI18n, LOCALES, pickUiLanguage } from './i18n.js';
import { formatApiError } from './formatError.js';

const { en, de } = LOCALES;

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(value: unknown): [string, unknown][] {
  return keys(value).map((k) => [k, k.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], value)]);
}

describe('locales', () => {
  it('English and German have exactly the same keys', () => {
    expect(keys(de).sort()).toEqual(keys(en).sort());
  });

  it('every string is non-empty and German is really translated where the words differ', () => {
    for (const [key, value] of [...leaves(en), ...leaves(de)]) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
    const same = leaves(en).filter(([key, value]) => value === leaves(de).find(([k]) => k === key)?.[1]);
    // Only names, symbols and pure placeholders may be identical.
    expect(same.map(([k]) => k).sort()).toEqual(
      [
        'app.name',
        'app.language.en',
        'app.language.de',
        'profile.bar.current',
        'library.item.languages',
        'library.record.byRole',
        'import.format.label',
        'import.format.md',
        'importing.place.endnote',
        // Format names (exporting).
        'exporting.format.md',
        'exporting.format.html',
        'exporting.format.docx',
        'exporting.format.xliff20',
        'exporting.format.xliff12',
        'editor.header.languages',
        'editor.translate.engineReason',
        'editor.translate.progressCount',
        // "Definition" is the German word too; a format name.
        'glossary.form.definition',
        'glossary.list.definition',
        'glossary.transfer.tbxV3',
        // "Team", "Port", "online" and "offline" are German words too.
        'team.heading',
        'team.form.port',
        'team.state.online',
        'team.state.offline',
      ].sort(),
    );
  });

  it('has an errors.<CODE> message for every error code (plural forms for counted ones)', () => {
    for (const locale of [en, de]) {
      const errorKeys = Object.keys(locale.errors);
      for (const code of ERROR_CODES) {
        const found = errorKeys.includes(code) || (errorKeys.includes(`${code}_one`) && errorKeys.includes(`${code}_other`));
        expect(found, code).toBe(true);
      }
      const codes = new Set<string>(ERROR_CODES);
      for (const key of errorKeys) expect(codes.has(key.replace(/_(one|other)$/, '')), key).toBe(true);
    }
  });

  it('keeps the interpolation variables of each English string in German', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)/g)].map((m) => m[1]).sort();
    const german = new Map(leaves(de));
    for (const [key, value] of leaves(en)) expect(vars(german.get(key) as string), key).toEqual(vars(value as string));
  });
});

describe('pickUiLanguage', () => {
  it('prefers the stored choice, then the browser languages, then English', () => {
    expect(pickUiLanguage('de', ['en-US'])).toBe('de');
    expect(pickUiLanguage('xx', ['fr-FR', 'de-AT'])).toBe('de');
    expect(pickUiLanguage(null, ['fr'])).toBe('en');
  });
});

describe('formatApiError', () => {
  it('uses plurals and joins the paragraph numbers, in both languages', () => {
    const i18n = createI18n('en');
    const many = { code: 'EXPORT_NOT_SIGNED_OFF' as const, message: 'x', details: { count: 3, paragraphs: [2, 5, 7] } };
    expect(formatApiError(i18n.t, 'en', many)).toMatch(/^3 paragraphs are not signed off: 2, 5, and 7\./);
    expect(formatApiError(i18n.t, 'en', { ...many, details: { paragraphs: [4] } })).toMatch(/^1 paragraph is not signed off: 4\./);
    const german = createI18n('de');
    expect(formatApiError(german.t, 'de', many)).toMatch(/^3 Absätze sind nicht freigegeben: 2, 5 und 7\./);
  });

  it('falls back to INTERNAL for unknown codes and explains a refused token', () => {
    const i18n = createI18n('en');
    expect(formatApiError(i18n.t, 'en', { code: 'NOPE' as never, message: 'odd' })).toBe('Something went wrong inside Verso. odd');
    expect(formatApiError(i18n.t, 'en', { code: 'INTERNAL', message: 'm', details: { reason: 'unauthorised' } })).toMatch(
      /open the URL printed by Verso/,
    );
  });

  it('names the log file of an INTERNAL error in the interface language', () => {
    const error = {
      code: 'INTERNAL' as const,
      message: 'The details were written to the log file /d/logs/verso.log.',
      details: { logFile: '/d/logs/verso.log' },
    };
    expect(formatApiError(createI18n('en').t, 'en', error)).toBe(
      'Something went wrong inside Verso. The details were written to the log file /d/logs/verso.log.',
    );
    expect(formatApiError(createI18n('de').t, 'de', error)).toBe(
      'In Verso ist ein Fehler aufgetreten. Die Einzelheiten stehen in der Protokolldatei /d/logs/verso.log.',
    );
  });

  it('says the desktop backend process stopped, and whether it is being restarted', () => {
    const restarting = { code: 'INTERNAL' as const, message: 'raw', details: { reason: 'backend-stopped', restarting: true } };
    expect(formatApiError(createI18n('en').t, 'en', restarting)).toMatch(
      /^Verso's background process stopped unexpectedly and is being restarted\./,
    );
    expect(formatApiError(createI18n('de').t, 'de', { ...restarting, details: { reason: 'backend-stopped', restarting: false } })).toMatch(
      /konnte nicht neu gestartet werden/,
    );
  });

  it('leaves no raw {{placeholders}} when details are missing', () => {
    const i18n = createI18n('en');
    for (const code of ERROR_CODES) expect(formatApiError(i18n.t, 'en', { code, message: '' })).not.toMatch(/\{\{/);
  });
});

describe('plural counts', () => {
  it('the glossary import summary says "1 term", in German too', () => {
    const counts = { added: 1, updated: 0, unchanged: 0, removed: 0 };
    expect(createI18n('en').t('glossary.status.imported', { ...counts, total: 1, count: 1 })).toMatch(/now has 1 term\.$/);
    expect(createI18n('en').t('glossary.status.imported', { ...counts, total: 2, count: 2 })).toMatch(/now has 2 terms\.$/);
    expect(createI18n('de').t('glossary.status.imported', { ...counts, total: 1, count: 1 })).toMatch(/jetzt 1 Begriff\.$/);
  });
});
