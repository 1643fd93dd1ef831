/**
 * The footer template files on disk (shared/footer/templates/*.json): each registered in
 * FOOTER_TEMPLATES, named for its language, well-formed. Reads the repository, so it lives here
 * rather than beside shared/footer.ts (shared/ never uses Node).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FOOTER_TEMPLATES, type FooterTemplate } from '../shared/footer.js';
import { isKnownLanguage } from '../shared/languages.js';

const TEMPLATE_DIR = fileURLToPath(new URL('../shared/footer/templates/', import.meta.url));
const FILES = readdirSync(TEMPLATE_DIR).filter((f) => f.endsWith('.json'));

describe('footer template files', () => {
  it('cover at least the core languages', () => {
    for (const tag of ['en', 'de', 'es', 'fr', 'nl', 'it', 'pt']) {
      expect(FILES).toContain(`${tag}.json`);
    }
  });

  it('are all registered in FOOTER_TEMPLATES and nothing else is', () => {
    expect(Object.keys(FOOTER_TEMPLATES).sort()).toEqual(FILES.map((f) => f.replace(/\.json$/, '')).sort());
  });

  it.each(FILES)('%s: lang equals the file name, is known, and lines are well-formed', (file) => {
    const data = JSON.parse(readFileSync(TEMPLATE_DIR + file, 'utf8')) as FooterTemplate;
    expect(Object.keys(data).sort()).toEqual(['lang', 'lines']);
    expect(`${data.lang}.json`).toBe(file);
    expect(isKnownLanguage(data.lang)).toBe(true);
    expect(FOOTER_TEMPLATES[data.lang]).toEqual(data);
    expect(data.lines).toHaveLength(2);
    for (const line of data.lines) {
      expect(line).toBe(line.trim());
      expect(line).not.toMatch(/\n|\s{2,}/);
      expect(line).toBe(line.normalize('NFC'));
      expect(line).not.toMatch(/translat(ed|ion) using digital tools/i);
    }
  });
});
