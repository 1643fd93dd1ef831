/** Footer templates: every required language renders with every variable; overrides; validation; recognition. */
import { describe, expect, it } from 'vitest';
import { FOOTER_TEMPLATES, FOOTER_VARIABLES, footerPlaceholders, renderFooter } from '../footer.js';
import {
  effectiveFooterTemplate,
  footerTemplateProblem,
  isFooterLike,
  REQUIRED_FOOTER_LANGUAGES,
  SAMPLE_FOOTER_VARIABLES,
} from './exportingFooter.js';

describe('vetted templates', () => {
  it.each(REQUIRED_FOOTER_LANGUAGES)('%s has a template that renders with every variable and leaves no brace', (lang) => {
    const template = FOOTER_TEMPLATES[lang];
    expect(template, lang).toBeDefined();
    expect(template!.lang).toBe(lang);
    for (const name of footerPlaceholders(template!)) expect(FOOTER_VARIABLES).toContain(name);
    const text = renderFooter(template!, SAMPLE_FOOTER_VARIABLES);
    expect(text).not.toMatch(/[{}]/);
    expect(text).toContain(SAMPLE_FOOTER_VARIABLES.publisher);
    expect(text).toContain(SAMPLE_FOOTER_VARIABLES.contactEmail);
    expect(footerTemplateProblem(template!.lines)).toBeNull();
    // A rendered footer is recognised as footer-like, paragraph by paragraph.
    for (const line of text.split('\n\n')) expect(isFooterLike(line), `${lang}: ${line}`).toBe(true);
  });

  it('an edited template may use {engines}, {editor} and {date}', () => {
    const text = renderFooter(
      { lang: 'en', lines: ['Translated with {engines}, checked by {editor} on {date}.'] },
      SAMPLE_FOOTER_VARIABLES,
    );
    expect(text).toBe('Translated with Apertium, checked by Elena Editor on 2026-01-31.');
  });
});

describe('effectiveFooterTemplate', () => {
  it('prefers a saved override, falls back along the tag, never to another language', () => {
    expect(effectiveFooterTemplate('pt-BR', {})?.lang).toBe('pt');
    expect(effectiveFooterTemplate('de', { de: ['Eigener Text von {publisher}.'] })?.lines).toEqual(['Eigener Text von {publisher}.']);
    expect(effectiveFooterTemplate('fi', {})).toBeNull();
    expect(effectiveFooterTemplate('fi', { fi: ['Käännetty.'] })?.lang).toBe('fi');
  });
});

describe('footerTemplateProblem', () => {
  it('names what is wrong', () => {
    expect(footerTemplateProblem([])?.code).toBe('empty');
    expect(footerTemplateProblem(['a', ' '])?.code).toBe('emptyLine');
    expect(footerTemplateProblem(['Hello {reader}'])).toMatchObject({ code: 'placeholder', detail: 'Hello {reader}' });
    expect(footerTemplateProblem(['Hello {publisher'])?.code).toBe('placeholder');
    expect(footerTemplateProblem(['x'.repeat(1001)])?.code).toBe('lineTooLong');
    expect(footerTemplateProblem(Array.from({ length: 11 }, () => 'x'))?.code).toBe('tooManyLines');
  });
});

describe('isFooterLike', () => {
  it('does not flag ordinary news text', () => {
    expect(isFooterLike('The storm closed 3 roads on Monday.')).toBe(false);
    expect(isFooterLike('This article was translated.')).toBe(false);
    expect(isFooterLike('')).toBe(false);
  });
  it('flags a footer with other values in its variables, and a saved wording', () => {
    expect(
      isFooterLike(
        'The Gazette uses artificial intelligence to translate articles faster. Every AI-assisted translation is checked and edited by our editors before publication. If you have any questions or comments, please write to x@y.org.',
      ),
    ).toBe(true);
    expect(
      isFooterLike('Translated by robots, then checked by people at Gazette.', {
        en: ['Translated by robots, then checked by people at {publisher}.'],
      }),
    ).toBe(true);
  });
});
