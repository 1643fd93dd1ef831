/** Services of `ExportingApi`: export in every format, the publication's footer templates. */
import type { ExportingApi, FooterTemplateEntry } from '../../../shared/features/exportingApi.js';
import { footerTemplateProblem, REQUIRED_FOOTER_LANGUAGES } from '../../../shared/features/exportingFooter.js';
import { FOOTER_TEMPLATES } from '../../../shared/footer.js';
import { normalizeLanguageTag } from '../../../shared/languages.js';
import { buildExport, toResult } from '../../export/buildExport.js';
import { FOOTER_OVERRIDES_KEY, readFooterOverrides } from '../../export/collectExport.js';
import { requireProfile, type ServiceDeps } from '../context.js';
import { ServiceError } from '../serviceError.js';

function languageOf(tag: string): string {
  const lang = normalizeLanguageTag(tag);
  if (!lang) throw new ServiceError('LANGUAGE_UNKNOWN', `Unknown language: ${tag}`, { lang: tag });
  return lang;
}

function entry(lang: string, overrides: Readonly<Record<string, string[]>>): FooterTemplateEntry {
  const vetted = FOOTER_TEMPLATES[lang];
  return { lang, vetted: vetted ? [...vetted.lines] : null, override: overrides[lang] ? [...overrides[lang]] : null };
}

export function createExportingService(deps: ServiceDeps): ExportingApi {
  return {
    async exportFile(input) {
      return toResult(await buildExport(deps, input));
    },

    async listFooterTemplates() {
      const overrides = readFooterOverrides(deps);
      const langs = new Set<string>([...REQUIRED_FOOTER_LANGUAGES, ...Object.keys(FOOTER_TEMPLATES), ...Object.keys(overrides)]);
      return [...langs].sort().map((lang) => entry(lang, overrides));
    },

    async saveFooterTemplate({ lang: tag, lines }) {
      requireProfile(deps);
      const lang = languageOf(tag);
      const kept = lines.map((l) => l.replace(/\s+/g, ' ').trim());
      const problem = footerTemplateProblem(kept);
      if (problem !== null) throw new ServiceError('FOOTER_TEMPLATE_INVALID', problem.message, { lang, problem: problem.code, line: problem.detail });
      const overrides = readFooterOverrides(deps);
      overrides[lang] = kept;
      deps.repos.settings.set(FOOTER_OVERRIDES_KEY, overrides);
      return entry(lang, overrides);
    },

    async resetFooterTemplate({ lang: tag }) {
      requireProfile(deps);
      const lang = languageOf(tag);
      const overrides = readFooterOverrides(deps);
      delete overrides[lang];
      deps.repos.settings.set(FOOTER_OVERRIDES_KEY, overrides);
      return entry(lang, overrides);
    },
  };
}
