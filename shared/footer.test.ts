import { describe, expect, it } from 'vitest';
import { FOOTER_TEMPLATES, FOOTER_VARIABLES, findFooterTemplate, footerPlaceholders, renderFooter, type FooterTemplate } from './footer.js';

const VARS = { publisher: 'Diario Ejemplo', contactEmail: 'redaccion@example.org' };

describe.each(Object.values(FOOTER_TEMPLATES).map((t) => [t.lang, t] as const))('template %s', (lang, template) => {
  it('uses both required variables and only known ones', () => {
    const names = footerPlaceholders(template);
    expect(names).toContain('publisher');
    expect(names).toContain('contactEmail');
    for (const n of names) expect(FOOTER_VARIABLES as readonly string[]).toContain(n);
  });

  it('states the AI use in the first line and names publisher and contact in the second', () => {
    expect(template.lines[0]).not.toMatch(/[{}]/);
    expect(template.lines[1]).toContain('{publisher}');
    expect(template.lines[1]).toContain('{contactEmail}');
  });

  it('renders with no leftover braces, publisher and contact once each', () => {
    const out = renderFooter(template, VARS);
    expect(out).not.toMatch(/[{}]/);
    expect(out.split('Diario Ejemplo')).toHaveLength(2);
    expect(out.split('redaccion@example.org')).toHaveLength(2);
    expect(out.split('\n\n')).toHaveLength(template.lines.length);
    expect(findFooterTemplate(lang)).toBe(template);
  });

  it('avoids straight quotes and, for German/French, wrong quote styles', () => {
    const text = template.lines.join(' ');
    expect(text).not.toMatch(/["']/); // typographic apostrophes only
    if (lang === 'de' || lang === 'fr') expect(text).not.toMatch(/[“”]/);
  });
});

describe('findFooterTemplate', () => {
  it('finds a template by exact tag and by casing', () => {
    expect(findFooterTemplate('es')?.lang).toBe('es');
    expect(findFooterTemplate('ZH-hans')?.lang).toBe('zh-Hans');
  });

  it('falls back from a regional variant to its language', () => {
    expect(findFooterTemplate('pt-BR')?.lang).toBe('pt');
    expect(findFooterTemplate('es-419')?.lang).toBe('es');
    expect(findFooterTemplate('de-AT')?.lang).toBe('de');
  });

  it('never falls back to English or another language', () => {
    expect(findFooterTemplate('fi')).toBeNull();
    expect(findFooterTemplate('zh-Hant')).toBeNull();
    expect(findFooterTemplate('xx')).toBeNull();
    expect(findFooterTemplate('')).toBeNull();
  });
});

describe('renderFooter', () => {
  const t: FooterTemplate = {
    lang: 'xx',
    lines: ['By {publisher} on {date}.', 'Ask {contactEmail}; engines: {engines}, editor {editor}.'],
  };

  it('joins lines with a blank line and replaces every variable', () => {
    expect(renderFooter(t, { ...VARS, date: '2025-11-15', engines: 'Apertium', editor: 'Ana' })).toBe(
      'By Diario Ejemplo on 2025-11-15.\n\nAsk redaccion@example.org; engines: Apertium, editor Ana.',
    );
  });

  it('renders the English template exactly', () => {
    expect(renderFooter(FOOTER_TEMPLATES.en!, { publisher: 'The Daily', contactEmail: 'news@daily.example' })).toBe(
      'This article was translated with the help of AI tools and checked by our editorial team.\n\n' +
        'The Daily uses artificial intelligence to translate articles faster. Every AI-assisted translation is ' +
        'checked and edited by our editors before publication. If you have any questions or comments, please ' +
        'write to news@daily.example.',
    );
  });

  it('throws when an optional variable the template uses is missing', () => {
    expect(() => renderFooter(t, VARS)).toThrow(/\{date\}/);
  });

  it('throws on an unknown placeholder', () => {
    expect(() => renderFooter({ lang: 'xx', lines: ['Hello {reader}'] }, VARS)).toThrow(/unknown placeholder \{reader\}/);
    expect(() => renderFooter({ lang: 'xx', lines: ['Hello {}'] }, VARS)).toThrow(Error);
  });

  it('throws on a stray brace', () => {
    expect(() => renderFooter({ lang: 'xx', lines: ['Hello {publisher'] }, VARS)).toThrow(/stray brace/);
    expect(() => renderFooter({ lang: 'xx', lines: ['Hello } there'] }, VARS)).toThrow(/stray brace/);
  });

  it('does not expand braces inside values', () => {
    expect(renderFooter({ lang: 'xx', lines: ['{publisher} / {contactEmail}'] }, { publisher: '{contactEmail}', contactEmail: '$&' })).toBe(
      '{contactEmail} / $&',
    );
  });

  it('allows empty publisher and contact', () => {
    expect(renderFooter({ lang: 'xx', lines: ['[{publisher}]', '<{contactEmail}>'] }, { publisher: '', contactEmail: '' })).toBe(
      '[]\n\n<>',
    );
  });

  it('does not change the template', () => {
    const before = JSON.stringify(FOOTER_TEMPLATES.de);
    renderFooter(FOOTER_TEMPLATES.de!, VARS);
    expect(JSON.stringify(FOOTER_TEMPLATES.de)).toBe(before);
  });
});
