import { describe, expect, it } from 'vitest';
import { FOOTER_TEMPLATES } from '../footer.js';
import { DRAFT_NOTICES, draftNoticeFor } from './exportingDraftNotice.js';

describe('draftNoticeFor', () => {
  it('speaks the target language, with the counts, for every language that has a vetted footer', () => {
    for (const lang of Object.keys(FOOTER_TEMPLATES)) {
      const notice = draftNoticeFor(lang, 3, 12);
      expect(notice.lang, lang).toBe(lang);
      expect(notice.text, lang).toContain('3');
      expect(notice.text, lang).toContain('12');
      expect(notice.text, lang).not.toMatch(/[{}]/);
      expect(notice.text.startsWith(notice.titlePrefix), lang).toBe(true);
      if (lang !== 'en') expect(notice.text, lang).not.toContain('DRAFT');
    }
    expect(draftNoticeFor('de', 1, 4).text).toBe('ENTWURF — nicht zur Veröffentlichung freigegeben (freigegebene Absätze: 1 von 4)');
  });

  it('uses the broader language of a regional tag, and English (marked as such) for a language without a notice', () => {
    expect(draftNoticeFor('pt-BR', 0, 2)).toMatchObject({ lang: 'pt', titlePrefix: 'RASCUNHO' });
    expect(draftNoticeFor('es-419', 0, 2).lang).toBe('es');
    expect(draftNoticeFor('ko', 0, 2)).toEqual({
      lang: 'en',
      text: 'DRAFT — not approved for publication (0 of 2 paragraphs signed off)',
      titlePrefix: 'DRAFT',
    });
  });

  it('has one wording per language and no stray placeholders', () => {
    for (const [lang, w] of Object.entries(DRAFT_NOTICES)) {
      expect(w.notice.match(/\{signed\}/g), lang).toHaveLength(1);
      expect(w.notice.match(/\{total\}/g), lang).toHaveLength(1);
    }
  });
});
