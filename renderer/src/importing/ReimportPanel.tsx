/**
 * "Re-import source" in the editor: choose or drop the revised source, apply it, and read what
 * changed (the summary stays until the panel is closed).
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReimportSkipReason, ReimportSummary, ReimportTranslations } from '../../../shared/features/importingApi.js';
import { IMPORT_ACCEPT_LIST } from '../../../shared/import/importedDocument.js';
import type { DocumentDetail } from '../../../shared/types.js';
import { useApi } from '../api/ApiProvider.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { DropZone } from './FileDropArea.js';
import { fileSource } from './readFile.js';

function list(numbers: readonly number[], language: string): string {
  try {
    return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(numbers.map(String));
  } catch {
    return numbers.join(', ');
  }
}

/** What the file's translations did (XLIFF from another tool, issue 14). */
function TranslationsSummary({ tr }: { tr: ReimportTranslations }) {
  const { t, i18n } = useTranslation();
  const reasons = new Map<ReimportSkipReason, number[]>();
  for (const s of tr.skipped) reasons.set(s.reason, [...(reasons.get(s.reason) ?? []), s.paragraph]);
  return (
    <>
      <h4>{tr.tool ? t('importing.summary.translations.headingTool', { tool: tr.tool }) : t('importing.summary.translations.heading')}</h4>
      <ul>
        <li>{t('importing.summary.translations.applied', { count: tr.applied.length, list: list(tr.applied, i18n.language) })}</li>
        <li>{t('importing.summary.translations.unchanged', { count: tr.unchanged })}</li>
        <li>
          {t('importing.summary.translations.signOffsReopened', {
            count: tr.signOffsReopened.length,
            list: list(tr.signOffsReopened, i18n.language),
          })}
        </li>
        {[...reasons].map(([reason, numbers]) => (
          <li key={reason}>
            {t(`importing.summary.translations.skipped.${reason}`, { count: numbers.length, list: list(numbers, i18n.language) })}
          </li>
        ))}
      </ul>
    </>
  );
}

export function ReimportSummaryView({ summary }: { summary: ReimportSummary }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const nothing = summary.moved.length + summary.changed.length + summary.added.length + summary.removed.length === 0;
  return (
    <div className="reimport-summary" role="status">
      <h3>{t('importing.summary.heading')}</h3>
      {nothing ? (
        <p>{t('importing.summary.nothing')}</p>
      ) : (
        <ul>
          <li>{t('importing.summary.unchanged', { count: summary.unchanged })}</li>
          {summary.changed.length > 0 && <li>{t('importing.summary.changed', { list: list(summary.changed, lang) })}</li>}
          {summary.added.length > 0 && <li>{t('importing.summary.added', { list: list(summary.added, lang) })}</li>}
          {summary.moved.length > 0 && <li>{t('importing.summary.moved', { list: list(summary.moved, lang) })}</li>}
          {summary.removed.length > 0 && (
            <li>
              {t('importing.summary.removed', {
                list: list(
                  summary.removed.map((r) => r.oldNumber),
                  lang,
                ),
              })}
            </li>
          )}
          {summary.signOffsWithdrawn > 0 && <li>{t('importing.summary.signOffsWithdrawn', { count: summary.signOffsWithdrawn })}</li>}
        </ul>
      )}
      {summary.translations && <TranslationsSummary tr={summary.translations} />}
    </div>
  );
}

export function ReimportPanel({
  documentId,
  disabled,
  beforeReimport,
  onReimported,
}: {
  documentId: string;
  disabled: boolean;
  /** Saves pending edits first; false when they could not be saved. */
  beforeReimport: () => Promise<boolean>;
  onReimported: (doc: DocumentDetail) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = { heading: useId(), file: useId(), tool: useId(), toolHint: useId() };
  const [tool, setTool] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [summary, setSummary] = useState<ReimportSummary | null>(null);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (busy) return;
    setError(null);
    setSummary(null);
    if (!file) return;
    setBusy(true);
    try {
      if (!(await beforeReimport())) return;
      const source = await fileSource(file);
      if ('code' in source) {
        setError(source);
        return;
      }
      const result = await api.reimportDocument(tool.trim() !== '' ? { documentId, source, tool: tool.trim() } : { documentId, source });
      setSummary(result.summary);
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
      onReimported(result.document);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <button type="button" disabled={disabled} aria-expanded={false} onClick={() => setOpen(true)}>
        {t('importing.reimport.open')}
      </button>
    );
  }
  return (
    <section className="panel reimport" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('importing.reimport.heading')}</h2>
      <p className="hint">{t('importing.reimport.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
        <DropZone onFile={setFile}>
          <div className="field">
            <label htmlFor={ids.file}>{t('importing.reimport.file')}</label>
            <input
              id={ids.file}
              ref={fileRef}
              type="file"
              accept={IMPORT_ACCEPT_LIST}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
        </DropZone>
        {file && <p className="note">{t('import.file.chosen', { fileName: file.name })}</p>}
        <div className="field">
          <label htmlFor={ids.tool}>{t('importing.reimport.tool')}</label>
          <input
            id={ids.tool}
            type="text"
            maxLength={100}
            value={tool}
            aria-describedby={ids.toolHint}
            onChange={(e) => setTool(e.target.value)}
          />
          <p id={ids.toolHint} className="hint">
            {t('importing.reimport.toolHint')}
          </p>
        </div>
        <ErrorAlert error={error} />
        {busy && (
          <p className="muted" role="status">
            {t('importing.reimport.busy')}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy || disabled || file === null}>
            {t('importing.reimport.submit')}
          </button>
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              setSummary(null);
              setError(null);
            }}
          >
            {t('importing.reimport.close')}
          </button>
        </div>
      </form>
      {summary && <ReimportSummaryView summary={summary} />}
    </section>
  );
}
