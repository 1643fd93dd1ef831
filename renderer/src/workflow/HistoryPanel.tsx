/**
 * Every revision of a paragraph (who, role, when, origin), with undo/redo and restore. Texts show
 * their inline tokens as chips; an undo, redo or restore says in words which change it concerns
 * (never a revision number).
 */
import { useId } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry, ParagraphHistory } from '../../../shared/features/workflowApi.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import type { ParagraphUndo } from './useParagraphUndo.js';
import { TmHistoryNote } from '../memory/TmHistoryNote.js';
import type { InlineCode } from '../../../shared/inline/inlineCodes.js';
import { InlineText } from '../inline/InlineText.js';

export function HistoryPanel({
  paragraphId,
  number,
  currentTarget,
  updatedAt,
  targetLang,
  dir,
  undo,
  codes,
}: {
  paragraphId: string;
  number: number;
  currentTarget: string;
  /** A change of this reloads the history. */
  updatedAt: string;
  targetLang: string;
  dir: 'ltr' | 'rtl' | 'auto';
  undo: ParagraphUndo;
  /** The paragraph's inline codes: its texts show them as chips. */
  codes?: readonly InlineCode[] | undefined;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const headingId = useId();
  // Read again with each change of the paragraph; the history shown stays until the answer comes.
  const query = useQuery({
    queryKey: queryKeys.paragraphHistory(paragraphId, updatedAt),
    queryFn: () => api.getParagraphHistory({ paragraphId }),
    placeholderData: keepPreviousData,
  });
  const history: ParagraphHistory | null = query.data ?? null;
  const error = query.error;

  const time = (iso: string) => {
    try {
      return new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
    } catch {
      return iso;
    }
  };

  function describe(e: HistoryEntry): string {
    return t('workflow.history.entry', {
      action: t(`workflow.history.action.${e.action}`),
      author: e.origin === 'import' || e.origin === 'mt' ? (e.mtEngine ?? t('workflow.history.system')) : e.authorName,
      role: e.role ? t(`workflow.history.role.${e.role}`) : t('workflow.history.noRole'),
      time: time(e.updatedAt),
    });
  }

  /** Which change an undo, redo or restore is about, in words: "Undo of the edit by Ana from 2 Mar 2026, 14:02". */
  function describeLink(link: NonNullable<HistoryEntry['link']>): string {
    const target = history?.entries.find((x) => x.id === link.revisionId);
    const change = !target
      ? t('workflow.history.change.other')
      : target.origin === 'mt' || target.origin === 'tm' || target.origin === 'import'
        ? t(`workflow.history.change.${target.origin}`)
        : t('workflow.history.change.edit', { author: target.authorName });
    return t(`workflow.history.link.${link.kind}`, { change, time: target ? time(target.updatedAt) : '' });
  }

  return (
    <section className="history-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('workflow.history.heading', { number })}</h3>
      <div className="history-actions">
        <button type="button" disabled={!history?.canUndo} onClick={() => void undo.undo()}>
          {t('workflow.history.undo')}
        </button>
        <button type="button" disabled={!history?.canRedo} onClick={() => void undo.redo()}>
          {t('workflow.history.redo')}
        </button>
      </div>
      <ErrorAlert error={error} />
      {history === null ? (
        <p className="muted">{t('workflow.history.loading')}</p>
      ) : (
        <ol className="history-list" reversed>
          {[...history.entries].reverse().map((e) => (
            <li key={e.id} className={`history-entry action-${e.action}`}>
              <p className="meta">
                {describe(e)}
                {e.link && <> · {describeLink(e.link)}</>}
                {e.origin === 'tm' && <TmHistoryNote paragraphId={paragraphId} revisionId={e.id} updatedAt={updatedAt} />}
              </p>
              {e.action !== 'import' && (
                <p className="history-text" lang={targetLang} dir={dir}>
                  {e.afterText === '' ? t('workflow.history.empty') : <InlineText text={e.afterText} codes={codes} />}
                </p>
              )}
              {e.override && <p className="history-override">{t('workflow.history.overrideReason', { reason: e.override.reason })}</p>}
              {e.review && (
                <p className="meta">
                  {t('workflow.history.review', {
                    seconds: (e.review.dwellMs / 1000).toFixed(1),
                    words: e.review.words,
                    diff: e.review.diffViewed ? t('workflow.history.yes') : t('workflow.history.no'),
                  })}
                  {e.review.fast && (
                    <>
                      {' '}
                      · <strong>{t('workflow.history.fast')}</strong>
                    </>
                  )}
                </p>
              )}
              {e.restorable && e.afterText !== currentTarget && (
                <button type="button" className="button-quiet" onClick={() => void undo.restore(e.id)}>
                  {t('workflow.history.restore')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
