/** Publisher details and the disclosure footer policy used on export. */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FooterPolicy, Role, Settings } from '../../../shared/types.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useFocusOnMount } from '../components/useFocusOnMount.js';
import { EngineSettingsSection } from '../engines/EngineSettingsSection.js';
import { FooterSettingsSection } from '../exporting/FooterSettingsSection.js';
import { FooterChangesHistory } from '../exporting/FooterChangesHistory.js';
import { MemorySettingsSection } from '../memory/MemorySettingsSection.js';
import { VerifyLibrarySection } from '../signatures/VerifyLibrarySection.js';
import { SigningKeySection } from '../signatures/SigningKeySection.js';
import { BackupsSection } from '../backups/BackupsSection.js';
import { TeamSection } from '../team/TeamSection.js';
import type { SettingsSection } from '../routing/route.js';

const POLICIES: readonly { value: FooterPolicy; key: 'always' | 'whenMt' | 'never' }[] = [
  { value: 'always', key: 'always' },
  { value: 'when-mt', key: 'whenMt' },
  { value: 'never', key: 'never' },
];

export function SettingsView({
  onBack,
  focusSection = null,
  role = null,
}: {
  onBack: () => void;
  focusSection?: SettingsSection | null;
  /** The current profile's role: the footer policy and templates are editable by editors only. */
  role?: Role | null;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const isEditor = role === 'editor';
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(headingRef);
  const draft = useSettingsDraft();
  const { settings, loadError } = draft;
  // A counter that reloads the history.
  const [historyVersion, setHistoryVersion] = useState(0);
  const onPolicyChanged = () => setHistoryVersion((v) => v + 1);

  return (
    <section className="view settings" aria-labelledby={headingId}>
      <div className="view-header">
        <h1 id={headingId} ref={headingRef} tabIndex={-1}>
          {t('settings.heading')}
        </h1>
      </div>
      {settings === null && loadError === null && <p className="muted">{t('app.loading')}</p>}
      {settings !== null && (
        <PublicationForm
          draft={{ ...draft, settings }}
          isEditor={isEditor}
          focus={focusSection === 'publication'}
          onBack={onBack}
          onPolicyChanged={onPolicyChanged}
        />
      )}
      {settings !== null && (
        <FooterSettingsSection
          publisher={settings.publisher}
          contactEmail={settings.contactEmail}
          editable={isEditor}
          onChanged={onPolicyChanged}
        />
      )}
      {settings !== null && <FooterChangesHistory refresh={historyVersion} />}
      <EngineSettingsSection />
      <MemorySettingsSection />
      <SigningKeySection />
      <VerifyLibrarySection />
      <BackupsSection />
      <TeamSection />
      {settings === null && loadError !== null && (
        <>
          <ErrorAlert error={loadError} />
          <div className="actions">
            <button type="button" onClick={onBack}>
              {t('settings.form.back')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

interface PublicationFormProps {
  draft: SettingsDraft & { settings: Settings };
  isEditor: boolean;
  /** Opened from a message about the footer's settings (#/settings/publication): the first of them, ready to type. */
  focus: boolean;
  onBack: () => void;
  /** The policy was changed (the history has a new entry). */
  onPolicyChanged: () => void;
}

/** Publisher, contact e-mail and footer policy (a policy change asks for a reason), saved together. */
function PublicationForm({ draft, isEditor, focus, onBack, onPolicyChanged }: PublicationFormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const { settings, setSettings, savedPolicy, saveSettings } = draft;
  const ids = { heading: useId(), publisher: useId(), email: useId() };
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');
  const publisherRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focus) publisherRef.current?.focus();
  }, [focus]);

  function change(patch: Partial<Settings>): void {
    setSettings((s) => (s ? { ...s, ...patch } : s));
    setSaved(false);
  }

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const policyChanged = settings.footerPolicy !== savedPolicy;
      const next = await api.updateSettings({
        publisher: settings.publisher.trim(),
        contactEmail: settings.contactEmail.trim(),
        footerPolicy: settings.footerPolicy,
        ...(policyChanged && reason.trim() !== '' ? { reason: reason.trim() } : {}),
      });
      saveSettings(next);
      if (policyChanged) {
        setReason('');
        onPolicyChanged();
      }
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('exporting.publication.heading')}</h2>
      <p className="hint">{t('exporting.publication.intro')}</p>
      <div className="field">
        <label htmlFor={ids.publisher}>{t('settings.publisher.label')}</label>
        <input
          id={ids.publisher}
          ref={publisherRef}
          type="text"
          maxLength={200}
          autoComplete="organization"
          value={settings.publisher}
          onChange={(e) => change({ publisher: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.email}>{t('settings.contactEmail.label')}</label>
        <input
          id={ids.email}
          type="email"
          maxLength={200}
          autoComplete="email"
          value={settings.contactEmail}
          onChange={(e) => change({ contactEmail: e.target.value })}
        />
      </div>
      <PolicyFields
        settings={settings}
        savedPolicy={savedPolicy}
        isEditor={isEditor}
        reason={reason}
        setReason={setReason}
        change={change}
      />
      <ErrorAlert error={error} />
      <p role="status" className="status-line">
        {saved ? t('settings.form.saved') : ''}
      </p>
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {t('settings.form.save')}
        </button>
        <button type="button" onClick={onBack}>
          {t('settings.form.back')}
        </button>
      </div>
    </form>
  );
}

interface PolicyFieldsProps {
  settings: Settings;
  savedPolicy: FooterPolicy | null;
  isEditor: boolean;
  reason: string;
  setReason: (reason: string) => void;
  change: (patch: Partial<Settings>) => void;
}

/** The footer policy (editors only) and, once it differs from the saved one, the reason for the change. */
function PolicyFields({ settings, savedPolicy, isEditor, reason, setReason, change }: PolicyFieldsProps) {
  const { t } = useTranslation();
  const ids = { policy: useId(), policyHint: useId(), editorOnly: useId(), reason: useId() };
  return (
    <>
      <div className="field">
        <label htmlFor={ids.policy}>{t('settings.footerPolicy.label')}</label>
        <select
          id={ids.policy}
          value={settings.footerPolicy}
          disabled={!isEditor}
          aria-describedby={isEditor ? ids.policyHint : `${ids.policyHint} ${ids.editorOnly}`}
          onChange={(e) => {
            const policy = POLICIES.find((p) => p.value === e.target.value);
            if (policy) change({ footerPolicy: policy.value });
          }}
        >
          {POLICIES.map((p) => (
            <option key={p.value} value={p.value}>
              {t(`settings.footerPolicy.${p.key}`)}
            </option>
          ))}
        </select>
        <span id={ids.policyHint} className="hint">
          {t('settings.footerPolicy.hint')}
        </span>
        {!isEditor && (
          <span id={ids.editorOnly} className="hint">
            {t('exporting.governance.editorOnly')}
          </span>
        )}
      </div>
      {isEditor && savedPolicy !== null && settings.footerPolicy !== savedPolicy && (
        <div className="field">
          <label htmlFor={ids.reason}>{t('exporting.governance.reasonPolicy')}</label>
          <input
            id={ids.reason}
            type="text"
            maxLength={500}
            value={reason}
            required={settings.footerPolicy === 'never'}
            aria-describedby={`${ids.reason}-hint`}
            onChange={(e) => setReason(e.target.value)}
          />
          <span id={`${ids.reason}-hint`} className="hint">
            {t('exporting.governance.reasonHint')}
          </span>
        </div>
      )}
    </>
  );
}

/**
 * The settings as loaded (TanStack Query) and the form's copy of them, taken once when they arrive:
 * the policy as saved (a change asks for a reason) is the cache's, and a save writes its answer into both.
 */
type SettingsDraft = ReturnType<typeof useSettingsDraft>;

function useSettingsDraft() {
  const api = useApi();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.settings(), queryFn: () => api.getSettings({}) });
  const [settings, setSettings] = useState<Settings | null>(null);
  if (settings === null && query.data) setSettings(query.data);
  function saveSettings(next: Settings): void {
    queryClient.setQueryData(queryKeys.settings(), next);
    setSettings(next);
  }
  return { settings, setSettings, loadError: query.error, savedPolicy: query.data?.footerPolicy ?? null, saveSettings };
}
