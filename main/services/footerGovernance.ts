/**
 * Footer governance: the footer policy and templates are editorial settings. Only an editor changes
 * them; every change is an audit record (settings_changes); built-in templates are identified by
 * version and SHA-256 (shared/footer/versions.json); a saved template that differs is custom. An
 * export states all of it (`FooterGovernance`).
 */
import { createHash } from 'node:crypto';
import type { FooterGovernance, FooterTemplateIdentity, SettingsChange } from '../../shared/features/exportingApi.js';
import { effectiveFooterTemplate, type FooterOverrides } from '../../shared/features/exportingFooter.js';
import { FOOTER_TEMPLATES } from '../../shared/footer.js';
import versions from '../../shared/footer/versions.json' with { type: 'json' };
import type { Profile, Settings } from '../../shared/types.js';
import { requireProfile, type ServiceDeps } from './context.js';
import { ServiceError } from '../core/serviceError.js';
import { auditSettingsChange } from '../db/audit/recordAudit.js';

/** SHA-256 (hex) of a template's lines, encoded as a JSON array of strings (UTF-8). */
export function footerTemplateSha256(lines: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(lines), 'utf8').digest('hex');
}

const VERSIONS: Readonly<Record<string, { version: number; sha256: string }>> = versions;

/** The vetted built-in template of a language tag: id, version and the hash of its lines (null when none). */
export function vettedIdentity(lang: string): { id: string; version: number; sha256: string } | null {
  const template = FOOTER_TEMPLATES[lang];
  const recorded = VERSIONS[lang];
  if (!template || !recorded) return null;
  return { id: `verso:footer:${lang}:v${recorded.version}`, version: recorded.version, sha256: footerTemplateSha256(template.lines) };
}

/** The recorded hash of a vetted template (for the test that a changed template bumps its version). */
export function recordedVettedSha256(lang: string): string | null {
  return VERSIONS[lang]?.sha256 ?? null;
}

/** True when saved lines differ from the vetted template of the language (or there is none). */
export function isCustomTemplate(lang: string, lines: readonly string[]): boolean {
  const vetted = vettedIdentity(lang);
  return vetted === null || footerTemplateSha256(lines) !== vetted.sha256;
}

export function normaliseReason(reason: string | undefined): string | null {
  const kept = reason?.replace(/\s+/g, ' ').trim() ?? '';
  return kept === '' ? null : kept;
}

const WHAT = { footerPolicy: 'the disclosure footer policy', footerTemplate: 'the disclosure footer templates' } as const;

/** The current profile when it is an editor; FOOTER_EDITOR_ONLY (nothing saved) otherwise. */
export function requireFooterEditor(deps: Pick<ServiceDeps, 'repos'>, setting: SettingsChange['setting']): Profile {
  const profile = requireProfile(deps);
  if (profile.role !== 'editor') {
    throw new ServiceError(
      'FOOTER_EDITOR_ONLY',
      `Only an editor can change ${WHAT[setting]}: it is an editorial setting. Your profile “${profile.name}” is a translator, so nothing was changed; ask an editor.`,
      { setting, role: profile.role },
    );
  }
  return profile;
}

export function reasonRequired(setting: SettingsChange['setting'], why: string): never {
  throw new ServiceError(
    'FOOTER_REASON_REQUIRED',
    `${why} needs a reason: it is recorded with your name in the footer changes history. Nothing was changed.`,
    {
      setting,
    },
  );
}

/** Appends one settings_changes row and its audit-log link (call inside the transaction that saves the change). */
export function recordSettingsChange(
  deps: Pick<ServiceDeps, 'db' | 'repos' | 'now' | 'newId'>,
  profile: Profile,
  change: Pick<SettingsChange, 'setting' | 'lang' | 'before' | 'after' | 'reason'>,
): SettingsChange {
  const record: SettingsChange = {
    id: deps.newId(),
    at: deps.now().toISOString(),
    ...change,
    by: { profileId: profile.id, name: profile.name, role: profile.role },
  };
  auditSettingsChange(deps.db, deps.repos.settingsChanges.add(record));
  return record;
}

function decision(change: SettingsChange | null) {
  return change ? { name: change.by.name, role: change.by.role, at: change.at, reason: change.reason, changeId: change.id } : null;
}

/** The template an export of `targetLang` uses, identified (null when the language has none). */
export function footerTemplateIdentity(
  deps: Pick<ServiceDeps, 'repos'>,
  targetLang: string,
  overrides: FooterOverrides,
): FooterTemplateIdentity | null {
  const template = effectiveFooterTemplate(targetLang, overrides);
  if (!template) return null;
  const vetted = vettedIdentity(template.lang);
  const sha256 = footerTemplateSha256(template.lines);
  if (vetted && sha256 === vetted.sha256) {
    return { lang: template.lang, id: vetted.id, version: vetted.version, sha256, builtIn: true, custom: false, savedBy: null };
  }
  return {
    lang: template.lang,
    id: `custom:${template.lang}`,
    version: null,
    sha256,
    builtIn: false,
    custom: true,
    savedBy: decision(deps.repos.settingsChanges.latest('footerTemplate', template.lang)),
  };
}

/** The policy in force, the template and, when the footer is left out, who decided it and why. */
export function footerGovernance(
  deps: Pick<ServiceDeps, 'repos'>,
  input: { targetLang: string; settings: Settings; overrides: FooterOverrides; applies: boolean },
): FooterGovernance {
  const policySetBy = decision(deps.repos.settingsChanges.latest('footerPolicy', null));
  const omitted = input.applies
    ? null
    : {
        because: input.settings.footerPolicy === 'never' ? ('policy-never' as const) : ('no-machine-translation' as const),
        decidedBy: policySetBy?.name ?? null,
        reason: policySetBy?.reason ?? null,
      };
  return {
    policy: input.settings.footerPolicy,
    footerIncluded: input.applies,
    template: footerTemplateIdentity(deps, input.targetLang, input.overrides),
    policySetBy,
    omitted,
  };
}
