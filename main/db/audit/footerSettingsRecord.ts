/**
 * Whether the footer settings in force are the ones the audit log says an editor last set
 * (issue 12): a policy or template written into the settings table by SQL, behind Verso's back,
 * differs from the last recorded change. Values are compared as SHA-256 of their JSON text, the
 * way `settings-change` entries record them (auditEntries.ts).
 */
import type Database from 'better-sqlite3';
import type { FooterPolicy } from '../../../shared/types.js';
import { sha256Hex } from '../../core/crypto.js';

export const FOOTER_POLICY_KEY = 'settings.footerPolicy';
export const FOOTER_TEMPLATES_KEY = 'exporting.footerTemplates';
const POLICIES: readonly FooterPolicy[] = ['always', 'when-mt', 'never'];
/** The policy in force when nobody set one (settingsService DEFAULT_SETTINGS). */
const DEFAULT_POLICY_JSON = JSON.stringify('always' satisfies FooterPolicy);

export interface FooterSettingValue {
  setting: 'footerPolicy' | 'footerTemplate';
  lang: string | null;
  /** The value's JSON text: the policy, a template's lines, or `null` (no saved template). */
  valueJson: string;
}

const keyOf = (setting: string, lang: string | null) => `${setting}|${lang ?? ''}`;

function stored(db: Database.Database, key: string): unknown {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    return undefined;
  }
}

/** The footer policy and every saved footer template, as the export reads them. */
export function currentFooterSettings(db: Database.Database): FooterSettingValue[] {
  const policy = stored(db, FOOTER_POLICY_KEY);
  const out: FooterSettingValue[] = [
    {
      setting: 'footerPolicy',
      lang: null,
      valueJson: POLICIES.includes(policy as FooterPolicy) ? JSON.stringify(policy) : DEFAULT_POLICY_JSON,
    },
  ];
  const templates = stored(db, FOOTER_TEMPLATES_KEY);
  if (typeof templates === 'object' && templates !== null) {
    for (const [lang, lines] of Object.entries(templates as Record<string, unknown>)) {
      if (Array.isArray(lines) && lines.every((l) => typeof l === 'string'))
        out.push({ setting: 'footerTemplate', lang, valueJson: JSON.stringify(lines) });
    }
  }
  return out;
}

/** What nobody recorded anything for is expected to be: the default policy, no saved template. */
function defaultJson(setting: string): string {
  return setting === 'footerPolicy' ? DEFAULT_POLICY_JSON : 'null';
}

/** The last recorded value (SHA-256 of its JSON) of each footer setting, from the `settings-change` entries in chain order. */
export function recordedFooterSettings(db: Database.Database): Map<string, { setting: string; lang: string | null; afterSha256: string }> {
  const rows = db.prepare<[], { payload: string }>("SELECT payload FROM audit_log WHERE kind = 'settings-change' ORDER BY seq").all();
  const recorded = new Map<string, { setting: string; lang: string | null; afterSha256: string }>();
  for (const { payload } of rows) {
    const p = JSON.parse(payload) as { setting?: unknown; lang?: unknown; afterSha256?: unknown };
    if (typeof p.setting !== 'string' || typeof p.afterSha256 !== 'string') continue;
    const lang = typeof p.lang === 'string' ? p.lang : null;
    recorded.set(keyOf(p.setting, lang), { setting: p.setting, lang, afterSha256: p.afterSha256 });
  }
  return recorded;
}

/** The footer settings whose value in force differs from the last recorded one (changed outside Verso). */
export function unrecordedFooterSettings(db: Database.Database): { setting: 'footerPolicy' | 'footerTemplate'; lang: string | null }[] {
  const recorded = recordedFooterSettings(db);
  const current = new Map(currentFooterSettings(db).map((v) => [keyOf(v.setting, v.lang), v]));
  // A template recorded but no longer saved is compared as "none saved".
  for (const [key, r] of recorded) {
    if (!current.has(key) && (r.setting === 'footerPolicy' || r.setting === 'footerTemplate'))
      current.set(key, { setting: r.setting, lang: r.lang, valueJson: 'null' });
  }
  const out: { setting: 'footerPolicy' | 'footerTemplate'; lang: string | null }[] = [];
  for (const [key, v] of current) {
    const expected = recorded.get(key)?.afterSha256 ?? sha256Hex(defaultJson(v.setting));
    if (sha256Hex(v.valueJson) !== expected) out.push({ setting: v.setting, lang: v.lang });
  }
  return out;
}

/** True when this footer setting's value in force is not the one last recorded. */
export function footerSettingUnrecorded(db: Database.Database, setting: 'footerPolicy' | 'footerTemplate', lang: string | null): boolean {
  return unrecordedFooterSettings(db).some((s) => s.setting === setting && s.lang === lang);
}
