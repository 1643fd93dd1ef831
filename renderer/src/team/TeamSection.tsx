/**
 * Settings → Team (issue 16): the team server's address, user and password (write-only: a stored
 * one is never shown, only said to exist), TLS (verify-full with the CA certificate read from a
 * file here and sent as text; none only to this computer), Connect, Forget, Sync now, and the
 * status (online / offline / syncing, changes waiting, refused changes).
 */
import { useId, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TeamStatus, TeamTlsMode } from '../../../shared/features/teamApi.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { fileBytes } from '../importing/readFile.js';
import { TeamStatusLines } from './TeamStatusLines.js';
import { useTeamStatus } from './useTeamStatus.js';

interface Draft {
  host: string;
  port: string;
  database: string;
  user: string;
  password: string;
  tls: TeamTlsMode;
  caPem: string | null;
}

const EMPTY: Draft = { host: '', port: '5432', database: '', user: '', password: '', tls: 'verify-full', caPem: null };

function draftOf(status: TeamStatus): Draft {
  const s = status.settings;
  return s ? { host: s.host, port: String(s.port), database: s.database, user: s.user, password: '', tls: s.tls, caPem: null } : EMPTY;
}

export function TeamSection() {
  const { t } = useTranslation();
  const api = useApi();
  const headingId = useId();
  const queryClient = useQueryClient();
  const query = useTeamStatus();
  const status = query.data ?? null;
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  if (status && !loaded) {
    setLoaded(true);
    setDraft(draftOf(status));
  }

  const act = async (work: () => Promise<{ status: TeamStatus; message: string }>) => {
    setBusy(true);
    setError(null);
    setMessage('');
    try {
      const done = await work();
      queryClient.setQueryData(queryKeys.teamStatus(), done.status);
      setDraft(draftOf(done.status));
      setMessage(done.message);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      const next = await api.saveTeamSettings({
        host: draft.host.trim(),
        port: Number(draft.port),
        database: draft.database.trim(),
        user: draft.user.trim(),
        ...(draft.password !== '' ? { password: draft.password } : {}),
        tls: draft.tls,
        caPem: draft.tls === 'verify-full' ? draft.caPem : null,
      });
      return { status: next, message: t('team.saved') };
    });
  };
  const forget = () => void act(async () => ({ status: await api.forgetTeamSettings({}), message: t('team.forgotten') }));
  const forgetKeepLocal = () =>
    void act(async () => ({ status: await api.forgetTeamSettings({ dropTeamState: true }), message: t('team.forgottenKeepLocal') }));
  const syncNow = () =>
    void act(async () => {
      const next = await api.syncTeamNow({});
      return { status: next, message: t('team.synced', { state: t(`team.state.${next.state}`) }) };
    });

  const shareAgain = (documentId: string, title: string) =>
    void act(async () => ({
      status: await api.shareTeamDocumentAgain({ documentId }),
      message: t('team.documents.sharedAgain', { title }),
    }));

  return (
    <section className="settings-section team-settings" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('team.heading')}</h2>
      <p className="hint">{t('team.intro')}</p>
      {status && !status.available && <p className="hint">{t('team.unavailable')}</p>}
      {status && <TeamStatusLines status={status} busy={busy} onShareAgain={shareAgain} />}
      {status?.switchBlocked != null && (
        <div className="team-switch-blocked">
          <p role="alert">{t('team.switchBlocked', { count: status.switchBlocked })}</p>
          <button type="button" onClick={forgetKeepLocal} disabled={busy}>
            {t('team.form.forgetKeepLocal')}
          </button>
        </div>
      )}
      <TeamForm
        draft={draft}
        setDraft={setDraft}
        passwordSet={status?.settings?.passwordSet ?? false}
        caSubject={status?.settings?.caSubject ?? null}
        busy={busy}
        onSubmit={save}
      />
      <div className="actions">
        <button type="button" onClick={syncNow} disabled={busy || !status?.configured || !status.available}>
          {t('team.form.syncNow')}
        </button>
        <button type="button" onClick={forget} disabled={busy || !status?.configured}>
          {t('team.form.forget')}
        </button>
      </div>
      <p className="status-line" aria-live="polite">
        {message}
      </p>
      <ErrorAlert error={error ?? query.error} />
    </section>
  );
}

interface TeamFormProps {
  draft: Draft;
  setDraft: (update: (d: Draft) => Draft) => void;
  passwordSet: boolean;
  caSubject: string | null;
  busy: boolean;
  onSubmit: (e: FormEvent) => void;
}

function TeamForm({ draft, setDraft, passwordSet, caSubject, busy, onSubmit }: TeamFormProps) {
  const { t } = useTranslation();
  const ids = { host: useId(), port: useId(), database: useId(), user: useId(), password: useId(), passwordHint: useId(), tls: useId() };
  const change = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const text = (id: string, label: string, key: 'host' | 'database' | 'user', autoComplete: string) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        required
        maxLength={255}
        autoComplete={autoComplete}
        spellCheck={false}
        value={draft[key]}
        onChange={(e) => change({ [key]: e.target.value })}
      />
    </div>
  );
  return (
    <form className="team-form" onSubmit={onSubmit} noValidate>
      {text(ids.host, t('team.form.host'), 'host', 'off')}
      <div className="field">
        <label htmlFor={ids.port}>{t('team.form.port')}</label>
        <input
          id={ids.port}
          type="number"
          min={1}
          max={65535}
          step={1}
          required
          value={draft.port}
          onChange={(e) => change({ port: e.target.value })}
        />
      </div>
      {text(ids.database, t('team.form.database'), 'database', 'off')}
      {text(ids.user, t('team.form.user'), 'user', 'username')}
      <div className="field">
        <label htmlFor={ids.password}>{t('team.form.password')}</label>
        <input
          id={ids.password}
          type="password"
          autoComplete="new-password"
          maxLength={1000}
          value={draft.password}
          aria-describedby={passwordSet ? ids.passwordHint : undefined}
          onChange={(e) => change({ password: e.target.value })}
        />
        {passwordSet && (
          <span id={ids.passwordHint} className="hint">
            {t('team.form.passwordStored')}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={ids.tls}>{t('team.form.tls')}</label>
        <select id={ids.tls} value={draft.tls} onChange={(e) => change({ tls: e.target.value === 'none' ? 'none' : 'verify-full' })}>
          <option value="verify-full">{t('team.form.tlsVerify')}</option>
          <option value="none">{t('team.form.tlsNone')}</option>
        </select>
      </div>
      {draft.tls === 'verify-full' && <CaFileField caSubject={caSubject} onRead={(caPem) => change({ caPem })} />}
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {t('team.form.connect')}
        </button>
      </div>
    </form>
  );
}

/** The CA certificate: a file read here, sent as its text (no path crosses the API). */
function CaFileField({ caSubject, onRead }: { caSubject: string | null; onRead: (pem: string | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [problem, setProblem] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>{t('team.form.ca')}</label>
      <input
        id={id}
        type="file"
        accept=".pem,.crt,.cer,application/x-pem-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          setProblem(false);
          if (!file) return onRead(null);
          fileBytes(file).then(
            (bytes) => onRead(new TextDecoder().decode(bytes)),
            () => {
              setProblem(true);
              onRead(null);
            },
          );
        }}
      />
      {caSubject && <span className="hint">{t('team.form.caCurrent', { subject: caSubject })}</span>}
      {problem && (
        <span role="alert" className="alert">
          {t('team.form.caUnreadable')}
        </span>
      )}
    </div>
  );
}
