/**
 * Diffs of a paragraph against its raw machine translation; for editors, three ways:
 * raw MT → the translator's confirmed text → the current (editor's) text.
 */
import { useId } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ParagraphHistory } from '../../../shared/features/workflowApi.js';
import type { Paragraph } from '../../../shared/types.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { DiffView } from './DiffView.js';

/** The text as last confirmed by a translator (or by anyone, when no translator confirmed it). */
export function confirmedText(history: ParagraphHistory): { text: string; author: string } | null {
  const confirms = history.entries.filter((e) => e.action === 'confirm');
  const pick = confirms.filter((e) => e.role === 'translator').at(-1) ?? confirms.at(-1);
  return pick ? { text: pick.afterText, author: pick.authorName } : null;
}

export function ReviewDiffs({
  paragraph,
  text,
  targetLang,
  dir,
  threeWay,
}: {
  paragraph: Paragraph;
  text: string;
  targetLang: string;
  dir: 'ltr' | 'rtl' | 'auto';
  threeWay: boolean;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const headingId = useId();
  const mt = paragraph.mt?.text ?? null;
  // The confirmed text is in the history (three-way diffs only), read again with each change.
  const query = useQuery({
    queryKey: queryKeys.paragraphHistory(paragraph.id, paragraph.updatedAt),
    queryFn: () => api.getParagraphHistory({ paragraphId: paragraph.id }),
    enabled: threeWay,
    placeholderData: keepPreviousData,
  });
  const history: ParagraphHistory | null = query.data ?? null;
  const error = query.error;

  const confirmed = history ? confirmedText(history) : null;
  return (
    <section className="review-diffs" aria-labelledby={headingId}>
      <h3 id={headingId}>{threeWay ? t('workflow.diff.threeWayHeading') : t('workflow.diff.heading')}</h3>
      <ErrorAlert error={error} />
      {mt === null ? (
        <p className="muted">{t('workflow.diff.noMt')}</p>
      ) : !threeWay ? (
        <DiffView before={mt} after={text} lang={targetLang} dir={dir} codes={paragraph.codes} label={t('workflow.diff.mtToCurrent')} />
      ) : history === null ? (
        <p className="muted">{t('workflow.history.loading')}</p>
      ) : confirmed === null ? (
        <>
          <p className="muted">{t('workflow.diff.notConfirmed')}</p>
          <DiffView before={mt} after={text} lang={targetLang} dir={dir} codes={paragraph.codes} label={t('workflow.diff.mtToCurrent')} />
        </>
      ) : (
        <>
          <DiffView
            before={mt}
            after={confirmed.text}
            lang={targetLang}
            dir={dir}
            codes={paragraph.codes}
            label={t('workflow.diff.mtToConfirmed', { name: confirmed.author })}
          />
          <DiffView
            before={confirmed.text}
            after={text}
            lang={targetLang}
            dir={dir}
            codes={paragraph.codes}
            label={t('workflow.diff.confirmedToCurrent')}
          />
        </>
      )}
    </section>
  );
}
