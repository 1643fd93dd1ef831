/**
 * A paragraph's machine translation: which engine (and version or model) produced it and when,
 * the words the engine did not know, and "Retranslate" (a fresh MT that bypasses the cache; the
 * earlier one stays in the history).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paragraph } from '../../../shared/types.js';
import { useApi } from '../api/ApiProvider.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useEngineJobs } from './EngineJobContext.js';

/** One formatter per language (making one costs far more than formatting: rows are many). */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(language: string): Intl.DateTimeFormat | null {
  let f = formatters.get(language);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    } catch {
      f = null;
    }
    formatters.set(language, f);
  }
  return f;
}

export function formatMtDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatterFor(language)?.format(date) ?? iso;
}

/** The engine's name is shown by the row ("MT: Apertium"); this adds version or model and time. */
export function MtProvenance({ paragraph, number }: { paragraph: Paragraph; number: number }) {
  const { t, i18n } = useTranslation();
  const mt = paragraph.mt;
  if (!mt) return null;
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    // Each fact is its own paragraph (and a space separates them in the text), so the time and the
    // unknown words never run together, on screen or for a screen reader.
    <div role="group" className="meta engine mt-provenance" aria-label={t('engines.row.provenanceLabel', { number })}>
      <p className="mt-provenance-line">
        {t('engines.row.provenance', { version: mt.engineVersion, date: formatMtDate(mt.createdAt, language) })}
      </p>
      {mt.unknownWords.length > 0 && (
        <>
          {' '}
          <p className="mt-unknown">{t('engines.row.unknownWords', { words: mt.unknownWords.join(', ') })}</p>
        </>
      )}
    </div>
  );
}

/** Shown for paragraphs that hold machine translation nobody changed yet. */
export function RetranslateButton({ paragraph, number }: { paragraph: Paragraph; number: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const jobs = useEngineJobs();
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  if (!jobs || paragraph.status !== 'machine') return null;

  async function retranslate(): Promise<void> {
    if (!jobs?.engineId) return;
    setStarting(true);
    setError(null);
    try {
      if (!(await jobs.flushAll())) return;
      const job = await api.retranslateParagraph({ paragraphId: paragraph.id, engineId: jobs.engineId });
      jobs.onJobStarted(job);
    } catch (err) {
      setError(err);
    } finally {
      setStarting(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="button-quiet"
        aria-label={t('engines.row.retranslateLabel', { number })}
        title={t('engines.row.retranslateHint')}
        disabled={starting || jobs.busy || !jobs.engineId}
        onClick={() => void retranslate()}
      >
        {t('engines.row.retranslate')}
      </button>
      <ErrorAlert error={error} />
    </>
  );
}
