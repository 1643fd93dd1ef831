/**
 * The AI-disclosure footer: vetted templates per target language (data in
 * `footer/templates/<tag>.json`), rendered with a few variables. Never machine-translated.
 */
import { languageFallbacks } from './languages.js';
import ar from './footer/templates/ar.json' with { type: 'json' };
import ca from './footer/templates/ca.json' with { type: 'json' };
import da from './footer/templates/da.json' with { type: 'json' };
import de from './footer/templates/de.json' with { type: 'json' };
import en from './footer/templates/en.json' with { type: 'json' };
import es from './footer/templates/es.json' with { type: 'json' };
import fr from './footer/templates/fr.json' with { type: 'json' };
import it from './footer/templates/it.json' with { type: 'json' };
import ja from './footer/templates/ja.json' with { type: 'json' };
import nl from './footer/templates/nl.json' with { type: 'json' };
import pl from './footer/templates/pl.json' with { type: 'json' };
import pt from './footer/templates/pt.json' with { type: 'json' };
import sv from './footer/templates/sv.json' with { type: 'json' };
import zhHans from './footer/templates/zh-Hans.json' with { type: 'json' };
import { cleanImportedTitle } from './textHygiene.js';

export interface FooterTemplate {
  lang: string;
  /** Paragraphs of the footer. */
  lines: string[];
}

export interface FooterVariables {
  publisher: string;
  contactEmail: string;
  engines?: string;
  editor?: string;
  date?: string;
}

/** Variables a template may use. */
export const FOOTER_VARIABLES = ['publisher', 'contactEmail', 'engines', 'editor', 'date'] as const;
export type FooterVariableName = (typeof FOOTER_VARIABLES)[number];

const ALL_TEMPLATES: readonly FooterTemplate[] = [ar, ca, da, de, en, es, fr, it, ja, nl, pl, pt, sv, zhHans];

/** Templates by their language tag. */
export const FOOTER_TEMPLATES: Readonly<Record<string, FooterTemplate>> = Object.freeze(
  Object.fromEntries(ALL_TEMPLATES.map((t) => [t.lang, Object.freeze({ lang: t.lang, lines: Object.freeze([...t.lines]) as string[] })])),
);

/**
 * The template for a target language, trying the tag and its less specific forms
 * ('pt-BR' finds 'pt'). Never falls back to English or any other language.
 */
export function findFooterTemplate(lang: string): FooterTemplate | null {
  for (const tag of languageFallbacks(lang)) {
    const t = FOOTER_TEMPLATES[tag];
    if (t) return t;
  }
  return null;
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

function isVariableName(name: string): name is FooterVariableName {
  return (FOOTER_VARIABLES as readonly string[]).includes(name);
}

/** Placeholder names a template uses, in order of first appearance. */
export function footerPlaceholders(template: FooterTemplate): string[] {
  const names = new Set<string>();
  for (const line of template.lines) for (const m of line.matchAll(PLACEHOLDER)) names.add(m[1]!);
  return [...names];
}

/**
 * Renders the footer: lines joined by a blank line, every `{variable}` replaced (in one pass, so a
 * value containing braces is never expanded again). Throws on an unknown placeholder, on a
 * placeholder whose optional variable was not given, and on a stray brace. Empty publisher or
 * contact values render as given; callers check the settings.
 */
export function renderFooter(template: FooterTemplate, vars: FooterVariables): string {
  const rendered = template.lines.map((line) => {
    const withoutPlaceholders = line.replace(PLACEHOLDER, '');
    if (/[{}]/.test(withoutPlaceholders)) {
      throw new Error(`Footer template '${template.lang}' has a stray brace: ${line}`);
    }
    return line.replace(PLACEHOLDER, (_whole, name: string) => {
      if (!isVariableName(name)) {
        throw new Error(`Footer template '${template.lang}' has an unknown placeholder {${name}}`);
      }
      const value = vars[name];
      if (value === undefined) {
        throw new Error(`Footer template '${template.lang}' needs the variable {${name}}, which was not given`);
      }
      // A name or publisher written into the file some other way: no control or bidi character reaches the footer.
      return cleanImportedTitle(value);
    });
  });
  return rendered.join('\n\n');
}
