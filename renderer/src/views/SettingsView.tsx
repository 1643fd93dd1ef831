/** Publisher details and the disclosure footer policy used on export. */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FooterPolicy, Role, Settings } from '../../../shared/types.js';
import { useApi } from '../api/ApiProvider.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useFocusOnMount } from '../components/useFocusOnMount.js';
import { EngineSettingsSection } from '../engines/EngineSettingsSection.js';
import { FooterSettingsSection } from '../exporting/FooterSettingsSection.js';
import { FooterChangesHistory } from '../exporting/FooterChangesHistory.js';
import { MemorySettingsSection } from '../memory/MemorySettingsSection.js';
import { VerifyLibrarySection } from '../signatures/VerifyLibrarySection.js';
import { SigningKeySection } from '../signatures/SigningKeySection.js';
import { BackupsSection } from '../backups/BackupsSection.js';
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
  const api = useApi();
  const ids = {
    heading: useId(),
    publication: useId(),
    publisher: useId(),
    email: useId(),
    policy: useId(),
    policyHint: useId(),
    editorOnly: useId(),
    reason: useId(),
  };
  const isEditor = role === 'editor';
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(headingRef);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  // The policy as saved (a change needs a reason field) and a counter that reloads the history.
  const [savedPolicy, setSavedPolicy] = useState<FooterPolicy | null>(null);
  const [reason, setReason] = useState('');
  const [historyVersion, setHistoryVersion] = useState(0);
  const publisherRef = useRef<HTMLInputElement>(null);
  const loaded = settings !== null;
  // Opened from a message about the footer's settings (#/settings/publication): the first of them, ready to type.
  useEffect(() => {
    if (loaded && focusSection === 'publication') publisherRef.current?.focus();
  }, [loaded, focusSection]);

  useEffect(() => {
    let live = true;
    api.getSettings({}).then(
      (s) => {
        if (!live) return;
        setSettings(s);
        setSavedPolicy(s.footerPolicy);
      },
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [api]);

  function change(patch: Partial<Settings>): void {
    setSettings((s) => (s ? { ...s, ...patch } : s));
    setSaved(false);
  }

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (!settings) return;
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
      setSettings(next);
      setSavedPolicy(next.footerPolicy);
      if (policyChanged) {
        setReason('');
        setHistoryVersion((v) => v + 1);
      }
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="view settings" aria-labelledby={ids.heading}>
      <div className="view-header">
        <h1 id={ids.heading} ref={headingRef} tabIndex={-1}>
          {t('settings.heading')}
        </h1>
      </div>
      {settings === null && error === null && <p className="muted">{t('app.loading')}</p>}
      {settings !== null && (
        <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={ids.publication}>
          <h2 id={ids.publication}>{t('exporting.publication.heading')}</h2>
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
      )}
      {settings !== null && (
        <FooterSettingsSection
          publisher={settings.publisher}
          contactEmail={settings.contactEmail}
          editable={isEditor}
          onChanged={() => setHistoryVersion((v) => v + 1)}
        />
      )}
      {settings !== null && <FooterChangesHistory refresh={historyVersion} />}
      <EngineSettingsSection />
      <MemorySettingsSection />
      <SigningKeySection />
      <VerifyLibrarySection />
      <BackupsSection />
      {settings === null && error !== null && (
        <>
          <ErrorAlert error={error} />
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
