/** Publisher settings used by the export (footer variables and policy). */
import type { VersoApi } from '../../shared/api.js';
import { settingsUpdateSchema } from '../../shared/features/coreContract.js';
import type { Settings } from '../../shared/types.js';
import type { ServiceDeps } from './context.js';
import { ServiceError } from '../core/serviceError.js';
import { footerSettingUnrecorded } from '../db/audit/footerSettingsRecord.js';
import { normaliseReason, reasonRequired, recordSettingsChange, requireFooterEditor } from './footerGovernance.js';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  publisher: '',
  contactEmail: '',
  footerPolicy: 'always',
});

const SETTING_KEYS = ['publisher', 'contactEmail', 'footerPolicy'] as const satisfies readonly (keyof Settings)[];

/** The stored settings merged over the defaults; a damaged stored value falls back to its default. */
export function readSettings(deps: Pick<ServiceDeps, 'repos'>): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  for (const key of SETTING_KEYS) {
    const value = deps.repos.settings.get(`settings.${key}`);
    if (value === undefined) continue;
    const checked = settingsUpdateSchema.safeParse({ [key]: value });
    if (checked.success) Object.assign(settings, checked.data);
  }
  return settings;
}

export function createSettingsService(deps: ServiceDeps): Pick<VersoApi, 'getSettings' | 'updateSettings'> {
  const save = deps.db.transaction((changes: Partial<Settings> & { reason?: string }) => {
    // The footer policy is an editorial setting: editors only, each change recorded (reason required for "never").
    const before = readSettings(deps).footerPolicy;
    const after = changes.footerPolicy;
    // Setting it again records it when the value in force was changed outside Verso.
    if (after !== undefined && (after !== before || footerSettingUnrecorded(deps.db, 'footerPolicy', null))) {
      const profile = requireFooterEditor(deps, 'footerPolicy');
      const reason = normaliseReason(changes.reason);
      if (after === 'never' && reason === null) reasonRequired('footerPolicy', 'Switching the disclosure footer off (policy “never”)');
      recordSettingsChange(deps, profile, { setting: 'footerPolicy', lang: null, before, after, reason });
    }
    for (const key of SETTING_KEYS) {
      const value = changes[key];
      if (value !== undefined) deps.repos.settings.set(`settings.${key}`, value);
    }
  });

  return {
    async getSettings() {
      return readSettings(deps);
    },
    /** Merges the given settings over the stored ones. */
    async updateSettings(input) {
      const trimmed = {
        ...input,
        ...(typeof input.publisher === 'string' ? { publisher: input.publisher.trim() } : {}),
        ...(typeof input.contactEmail === 'string' ? { contactEmail: input.contactEmail.trim() } : {}),
      };
      const checked = settingsUpdateSchema.safeParse(trimmed);
      if (!checked.success) {
        const issues = checked.error.issues.map((i) => `${i.path.join('.') || '(settings)'}: ${i.message}`);
        throw new ServiceError('SETTINGS_INVALID', `Invalid settings: ${issues.join('; ')}`, { issues });
      }
      save(checked.data);
      return readSettings(deps);
    },
  };
}
