/** Services of `ExportingApi`: export in every format, the publication's footer templates. */
import type { FooterTemplateEntry } from '../../../shared/features/exportingApi.js';
import type { ExportingApi } from '../../../shared/features/exportingContract.js';
import { footerTemplateProblem, REQUIRED_FOOTER_LANGUAGES } from '../../../shared/features/exportingFooter.js';
import { FOOTER_TEMPLATES } from '../../../shared/footer.js';
import { canonicalLanguageTag } from '../../../shared/languages.js';
import { buildExport, toResult } from '../export/buildExport.js';
import { FOOTER_OVERRIDES_KEY, readFooterOverrides } from '../export/collectExport.js';
import { footerSettingUnrecorded } from '../../db/audit/footerSettingsRecord.js';
import type { ServiceDeps } from '../context.js';
import { ServiceError } from '../../core/serviceError.js';
import {
  footerTemplateSha256,
  isCustomTemplate,
  normaliseReason,
  reasonRequired,
  recordSettingsChange,
  requireFooterEditor,
  vettedIdentity,
} from '../footerGovernance.js';

function languageOf(tag: string): string {
  const lang = canonicalLanguageTag(tag);
  if (!lang) throw new ServiceError('LANGUAGE_UNKNOWN', `Not a valid language tag (BCP 47): ${tag}`, { lang: tag });
  return lang;
}

function entry(lang: string, overrides: Readonly<Record<string, string[]>>): FooterTemplateEntry {
  const vetted = FOOTER_TEMPLATES[lang];
  const override = overrides[lang];
  return {
    lang,
    vetted: vetted ? [...vetted.lines] : null,
    override: override ? [...override] : null,
    vettedIdentity: vettedIdentity(lang),
    overrideIdentity: override ? { sha256: footerTemplateSha256(override), custom: isCustomTemplate(lang, override) } : null,
  };
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

    async saveFooterTemplate({ lang: tag, lines, reason: given }) {
      const profile = requireFooterEditor(deps, 'footerTemplate');
      const lang = languageOf(tag);
      const kept = lines.map((l) => l.replace(/\s+/g, ' ').trim());
      const problem = footerTemplateProblem(kept);
      if (problem !== null)
        throw new ServiceError('FOOTER_TEMPLATE_INVALID', problem.message, { lang, problem: problem.code, line: problem.detail });
      const reason = normaliseReason(given);
      if (isCustomTemplate(lang, kept) && reason === null)
        reasonRequired('footerTemplate', `Saving your own footer wording for ${lang} (a custom template, not the vetted one)`);
      const overrides = readFooterOverrides(deps);
      const before = overrides[lang] ?? null;
      const same = before !== null && JSON.stringify(before) === JSON.stringify(kept);
      if (same && !footerSettingUnrecorded(deps.db, 'footerTemplate', lang)) return entry(lang, overrides);
      overrides[lang] = kept;
      deps.db.transaction(() => {
        deps.repos.settings.set(FOOTER_OVERRIDES_KEY, overrides);
        recordSettingsChange(deps, profile, { setting: 'footerTemplate', lang, before, after: kept, reason });
      })();
      return entry(lang, overrides);
    },

    async resetFooterTemplate({ lang: tag, reason }) {
      const profile = requireFooterEditor(deps, 'footerTemplate');
      const lang = languageOf(tag);
      const overrides = readFooterOverrides(deps);
      const before = overrides[lang] ?? null;
      if (before === null && !footerSettingUnrecorded(deps.db, 'footerTemplate', lang)) return entry(lang, overrides);
      delete overrides[lang];
      deps.db.transaction(() => {
        deps.repos.settings.set(FOOTER_OVERRIDES_KEY, overrides);
        recordSettingsChange(deps, profile, { setting: 'footerTemplate', lang, before, after: null, reason: normaliseReason(reason) });
      })();
      return entry(lang, overrides);
    },

    async listSettingsChanges({ limit }) {
      return deps.repos.settingsChanges.list(limit ?? 100);
    },
  };
}
