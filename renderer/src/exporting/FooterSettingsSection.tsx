/**
 * Settings → Disclosure footer templates: per language, the vetted template or the publication's
 * own wording, edited with a live preview (rendered with the publisher settings and sample values).
 * A saved wording is data in the settings; "Use vetted template" removes it.
 */
import { useId, useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FooterTemplateEntry } from '../../../shared/features/exportingApi.js';
import { footerTemplateProblem, SAMPLE_FOOTER_VARIABLES } from '../../../shared/features/exportingFooter.js';
import { FOOTER_VARIABLES, renderFooter } from '../../../shared/footer.js';
import { languageInfoOrBase, LANGUAGES } from '../../../shared/languages.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useLanguageName } from '../i18n/useLanguageName.js';

/** Footer paragraphs from the text area: separated by blank lines, inner whitespace kept as spaces. */
export function splitFooterText(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
}

export function FooterSettingsSection({
  publisher,
  contactEmail,
  editable = true,
  onChanged,
}: {
  publisher: string;
  contactEmail: string;
  /** Editors only: translators see the templates read-only, with a sentence why. */
  editable?: boolean;
  /** After a saved change (the history reloads). */
  onChanged?: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const languageName = useLanguageName();
  const ids = {
    heading: useId(),
    lang: useId(),
    text: useId(),
    preview: useId(),
    source: useId(),
    editorOnly: useId(),
    reason: useId(),
    identity: useId(),
  };
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.footerTemplates(), queryFn: () => api.listFooterTemplates({}) });
  const entries = query.data ?? null;
  const [lang, setLang] = useState('en');
  const [text, setText] = useState('');
  const [actionError, setError] = useState<unknown>(null);
  const error = actionError ?? query.error;
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');

  const entry = entries?.find((e) => e.lang === lang) ?? { lang, vetted: null, override: null };
  const current = entry.override ?? entry.vetted;
  const loadedKey = `${lang}:${(current ?? []).join('\n\n')}`;
  // Set while rendering: the text box shows the loaded wording in the same paint as the status line.
  const [shownKey, setShownKey] = useState<string | null>(null);
  if (shownKey !== loadedKey) {
    setShownKey(loadedKey);
    setText(loadedKey.slice(loadedKey.indexOf(':') + 1));
  }

  const lines = useMemo(() => splitFooterText(text), [text]);
  const problem = footerTemplateProblem(lines);
  const preview = useMemo(() => {
    if (problem !== null) return null;
    return renderFooter(
      { lang, lines },
      {
        ...SAMPLE_FOOTER_VARIABLES,
        ...(publisher.trim() ? { publisher: publisher.trim() } : {}),
        ...(contactEmail.trim() ? { contactEmail: contactEmail.trim() } : {}),
      },
    ).split('\n\n');
  }, [problem, lang, lines, publisher, contactEmail]);

  function replace(updated: FooterTemplateEntry): void {
    queryClient.setQueryData(queryKeys.footerTemplates(), (list: FooterTemplateEntry[] | undefined) =>
      [...(list ?? []).filter((e) => e.lang !== updated.lang), updated].sort((a, b) => a.lang.localeCompare(b.lang)),
    );
  }

  async function save(): Promise<void> {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      replace(await api.saveFooterTemplate({ lang, lines, ...(reason.trim() !== '' ? { reason: reason.trim() } : {}) }));
      setReason('');
      onChanged?.();
      setStatus(t('exporting.footer.saved', { lang: languageName(lang) }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function reset(): Promise<void> {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      replace(await api.resetFooterTemplate({ lang, ...(reason.trim() !== '' ? { reason: reason.trim() } : {}) }));
      setReason('');
      onChanged?.();
      setStatus(t('exporting.footer.resetDone', { lang: languageName(lang) }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const sourceKey = entry.override ? 'override' : entry.vetted ? 'vetted' : 'none';
  const dir = languageInfoOrBase(lang)?.dir ?? 'ltr';

  return (
    <section className="panel footer-settings" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('exporting.footer.heading')}</h2>
      <p className="hint">{t('exporting.footer.intro', { variables: FOOTER_VARIABLES.map((v) => `{${v}}`).join(', ') })}</p>
      <div className="field">
        <label htmlFor={ids.lang}>{t('exporting.footer.language')}</label>
        <select id={ids.lang} value={lang} aria-describedby={ids.source} onChange={(e) => setLang(e.target.value)}>
          {LANGUAGES.map((l) => (
            <option key={l.tag} value={l.tag}>
              {languageName(l.tag)}
            </option>
          ))}
        </select>
        <span id={ids.source} className="hint">
          {t(`exporting.footer.source.${sourceKey}`)}
        </span>
        <span id={ids.identity} className="hint footer-identity">
          {entry.override && entry.overrideIdentity?.custom
            ? t('exporting.governance.customMark', { hash: entry.overrideIdentity.sha256.slice(0, 12) })
            : entry.vettedIdentity
              ? t('exporting.governance.vettedId', { id: entry.vettedIdentity.id, hash: entry.vettedIdentity.sha256.slice(0, 12) })
              : ''}
        </span>
      </div>
      {!editable && (
        <p id={ids.editorOnly} className="hint">
          {t('exporting.governance.editorOnly')}
        </p>
      )}
      <div className="field">
        <label htmlFor={ids.text}>{t('exporting.footer.text')}</label>
        <textarea
          id={ids.text}
          lang={lang}
          dir={dir}
          rows={6}
          value={text}
          readOnly={!editable}
          aria-describedby={editable ? undefined : ids.editorOnly}
          aria-invalid={problem !== null && text.trim() !== ''}
          onChange={(e) => {
            setText(e.target.value);
            setStatus('');
          }}
        />
        {problem !== null && text.trim() !== '' && (
          <span className="hint field-error">{t(`exporting.footer.problem.${problem.code}`, { detail: problem.detail })}</span>
        )}
      </div>
      <div role="region" aria-labelledby={ids.preview} className="footer-preview" lang={lang} dir={dir}>
        <h3 id={ids.preview}>{t('exporting.footer.preview')}</h3>
        {preview ? preview.map((p, i) => <p key={i}>{p}</p>) : <p className="muted">{t('exporting.footer.previewNone')}</p>}
      </div>
      {editable && (
        <div className="field">
          <label htmlFor={ids.reason}>{t('exporting.governance.reasonTemplate')}</label>
          <input
            id={ids.reason}
            type="text"
            maxLength={500}
            value={reason}
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
        {status}
      </p>
      {editable && (
        <div className="actions">
          <button type="button" className="button-primary" disabled={busy || problem !== null} onClick={() => void save()}>
            {t('exporting.footer.save')}
          </button>
          {entry.override && (
            <button type="button" disabled={busy} onClick={() => void reset()}>
              {entry.vetted ? t('exporting.footer.reset') : t('exporting.footer.remove')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
