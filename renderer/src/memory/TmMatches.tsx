/**
 * Fuzzy matches from the translation memory for the active paragraph, beside its MT: the match
 * percentage, the differences between the stored source and this paragraph's source, and
 * "Insert match" (also Ctrl+M for the best, Ctrl+1..Ctrl+3 by position; see tmShortcuts.ts); below
 * them, for a paragraph of two sentences or more, its sentence matches (SentenceMatches.tsx).
 */
import { useId, useMemo, useState, type MutableRefObject } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TmMatch, TmSentenceMatches } from '../../../shared/features/memoryApi.js';
import { diffTexts } from '../../../shared/diff/textDiff.js';
import { formattingDiffers, mapUnitTokens } from '../../../shared/memory/formatting.js';
import { withoutCodes } from '../../../shared/memory/matchScore.js';
import type { InlineCode } from '../../../shared/inline/inlineCodes.js';
import { InlineText } from '../inline/InlineText.js';
import type { Paragraph } from '../../../shared/types.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { useFormatError } from '../i18n/formatError.js';
import { useIsActiveParagraph } from './activeParagraph.js';
import { showControlsVisibly } from '../../../shared/textHygiene.js';
import { SentenceMatches } from './SentenceMatches.js';
import { useInsertHandle, type TmMatchesHandle } from './useInsertHandle.js';

export interface TmMatchesProps {
  paragraph: Paragraph;
  sourceLang: string;
  targetLang: string;
  dir: 'ltr' | 'rtl' | 'auto';
  handleRef: MutableRefObject<TmMatchesHandle | null>;
  onInsert: (unitId: number) => Promise<void>;
  onInsertSentence: (sentenceIndex: number, unitId: number) => Promise<void>;
  /** One unit id per sentence (null: no match, the source sentence is kept). */
  onInsertAssembled: (unitIds: (number | null)[]) => Promise<void>;
}

const NO_MATCHES: TmMatch[] = [];
const NO_SENTENCES: TmSentenceMatches[] = [];

export function TmMatches(props: TmMatchesProps) {
  const { paragraph } = props;
  const active = useIsActiveParagraph(paragraph.id);
  return active ? <ActiveTmMatches {...props} /> : null;
}

function ActiveTmMatches({
  paragraph,
  sourceLang,
  targetLang,
  dir,
  handleRef,
  onInsert,
  onInsertSentence,
  onInsertAssembled,
}: TmMatchesProps) {
  const { t } = useTranslation();
  const api = useApi();
  const formatError = useFormatError();
  const hintId = useId();
  const [busy, setBusy] = useState(false);
  // Looked up again when the source changes (a re-import); null while the lookup runs.
  const query = useQuery({
    queryKey: queryKeys.tmMatches(paragraph.id, paragraph.source),
    queryFn: () => api.lookupTmSentences({ paragraphId: paragraph.id }),
  });
  // A failed lookup has no matches (its error is shown), so a pending shortcut is not kept forever.
  const matches: TmMatch[] | null = query.isError ? NO_MATCHES : (query.data?.matches ?? null);
  const sentences: TmSentenceMatches[] = query.data?.sentences ?? NO_SENTENCES;

  // A shortcut pressed while the lookup is still running is carried out when the matches arrive.
  useInsertHandle({ handleRef, matches, sentences, busy, setBusy, onInsert, onInsertSentence, onInsertAssembled });

  return (
    <section className="tm-matches" aria-label={t('memory.matches.region')} data-f6-region="tm">
      <h3 className="tm-heading">{t('memory.matches.region')}</h3>
      {matches === null && <p className="meta">{t('memory.matches.loading')}</p>}
      {query.error !== null && (
        <p role="alert" className="alert">
          {t('memory.matches.failed', { error: formatError(query.error) })}
        </p>
      )}
      {matches !== null && matches.length === 0 && query.error === null && <p className="meta">{t('memory.matches.none')}</p>}
      {matches !== null && matches.length > 0 && (
        <>
          <p id={hintId} className="hint">
            {t('memory.matches.shortcut')}
          </p>
          <ol className="tm-match-list">
            {matches.map((m, i) => (
              <MatchItem
                key={m.unitId}
                match={m}
                index={i}
                current={paragraph.source}
                codes={paragraph.codes}
                sourceLang={sourceLang}
                targetLang={targetLang}
                dir={dir}
                hintId={hintId}
                disabled={busy}
                onInsert={() => {
                  setBusy(true);
                  void onInsert(m.unitId).finally(() => setBusy(false));
                }}
              />
            ))}
          </ol>
        </>
      )}
      {sentences.length > 0 && (
        <SentenceMatches
          sentences={sentences}
          codes={paragraph.codes}
          sourceLang={sourceLang}
          targetLang={targetLang}
          dir={dir}
          disabled={busy}
          onInsertSentence={(index) => handleRef.current?.insertSentence(index)}
          onInsertAssembled={() => handleRef.current?.insertAssembled()}
        />
      )}
    </section>
  );
}

function MatchItem({
  match,
  index,
  current,
  codes,
  sourceLang,
  targetLang,
  dir,
  hintId,
  disabled,
  onInsert,
}: {
  match: TmMatch;
  index: number;
  current: string;
  /** The paragraph's own inline codes: the match is shown (and inserted) with them. */
  codes: readonly InlineCode[] | undefined;
  sourceLang: string;
  targetLang: string;
  dir: 'ltr' | 'rtl' | 'auto';
  hintId: string;
  disabled: boolean;
  onInsert: () => void;
}) {
  const { t, i18n } = useTranslation();
  const targetId = useId();
  // Words compared without the formatting; a formatting difference is said in words.
  const parts = useMemo(
    () => diffTexts(withoutCodes(match.source), withoutCodes(current), sourceLang),
    [match.source, current, sourceLang],
  );
  const target = useMemo(() => mapUnitTokens(match.target, match.codes ?? [], codes ?? []), [match.target, match.codes, codes]);
  const otherFormatting = formattingDiffers({ source: match.source, codes: match.codes }, { source: current, codes });
  const date = useMemo(() => {
    const d = new Date(match.createdAt);
    return Number.isNaN(d.getTime()) ? match.createdAt : new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(d);
  }, [match.createdAt, i18n.language]);
  const by =
    match.origin === 'signoff'
      ? t('memory.matches.bySignOff', { name: match.createdBy, date })
      : t('memory.matches.byTmx', { name: match.createdBy || '—', date });
  return (
    <li className="tm-match" data-unit-id={match.unitId}>
      <span className="tm-score" aria-label={t('memory.matches.scoreLabel', { score: match.score })}>
        {t('memory.matches.score', { score: match.score })}
      </span>
      {match.variant !== undefined && match.variant !== 'exact' && (
        // Issue 14: a unit of another variant of the target language (pt-PT for pt-BR) says so.
        <span
          className={`tm-variant tm-variant-${match.variant}`}
          title={t(`memory.matches.variantHint.${match.variant}`, { tag: match.targetLang })}
        >
          {t('memory.matches.variant', { tag: match.targetLang })}
        </span>
      )}
      <p className="diff-text tm-source" lang={sourceLang} aria-label={t('memory.matches.sourceDiff')}>
        {parts.map((p, i) =>
          p.kind === 'removed' ? (
            <del key={i}>
              <span className="visually-hidden">{t('memory.matches.removed')} </span>
              {p.text}
            </del>
          ) : p.kind === 'added' ? (
            <ins key={i}>
              <span className="visually-hidden">{t('memory.matches.added')} </span>
              {p.text}
            </ins>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </p>
      <p id={targetId} className="tm-target" lang={match.targetLang || targetLang} dir={dir}>
        <InlineText text={target} codes={codes} />
      </p>
      {otherFormatting && <p className="meta tm-formatting">{t('memory.matches.formatting')}</p>}
      <p className="meta">
        {by}
        {match.documentTitle ? ` ${t('memory.matches.document', { title: showControlsVisibly(match.documentTitle) })}` : ''}
      </p>
      <button type="button" disabled={disabled} aria-describedby={`${targetId} ${hintId}`} data-match-index={index} onClick={onInsert}>
        {t('memory.matches.insert')}
      </button>
    </li>
  );
}
