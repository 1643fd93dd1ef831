/**
 * Sentence matches (issue 17 item 3): below the paragraph's TM matches, each sentence of a
 * paragraph of two sentences or more with its best match and score. "Insert sentence" puts a
 * sentence's match in its place (shared/memory/sentenceInsert.ts: the target's sentence of the
 * same index when the counts agree, else at the end); "Insert assembled" puts them all, a sentence
 * without a match keeping its source text. Ctrl+Shift+1..9 and Ctrl+Shift+M (tmShortcuts.ts).
 */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TmSentenceMatches } from '../../../shared/features/memoryApi.js';
import type { InlineCode } from '../../../shared/inline/inlineCodes.js';
import { mapOntoSentence } from '../../../shared/memory/sentenceCodes.js';
import { InlineText } from '../inline/InlineText.js';

export interface SentenceMatchesProps {
  sentences: readonly TmSentenceMatches[];
  /** The paragraph's inline codes (sentences and matches are shown with them). */
  codes: readonly InlineCode[] | undefined;
  sourceLang: string;
  targetLang: string;
  dir: 'ltr' | 'rtl' | 'auto';
  disabled: boolean;
  onInsertSentence: (index: number) => void;
  onInsertAssembled: () => void;
}

export function SentenceMatches({
  sentences,
  codes,
  sourceLang,
  targetLang,
  dir,
  disabled,
  onInsertSentence,
  onInsertAssembled,
}: SentenceMatchesProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const hintId = useId();
  const anyMatch = sentences.some((s) => s.matches.length > 0);
  return (
    <section className="tm-sentences" aria-labelledby={headingId}>
      <h4 id={headingId} className="tm-heading">
        {t('memory.sentences.region')}
      </h4>
      <p id={hintId} className="hint">
        {t('memory.sentences.placeHint')} {t('memory.sentences.shortcut')}
      </p>
      <ol className="tm-sentence-list" aria-labelledby={headingId}>
        {sentences.map((s) => (
          <SentenceItem
            key={s.index}
            sentence={s}
            codes={codes}
            sourceLang={sourceLang}
            targetLang={targetLang}
            dir={dir}
            hintId={hintId}
            disabled={disabled}
            onInsert={() => onInsertSentence(s.index)}
          />
        ))}
      </ol>
      <p className="meta">{t('memory.sentences.assembledHint')}</p>
      <button type="button" disabled={disabled || !anyMatch} onClick={onInsertAssembled}>
        {t('memory.sentences.insertAssembled')}
      </button>
    </section>
  );
}

function SentenceItem({
  sentence,
  codes,
  sourceLang,
  targetLang,
  dir,
  hintId,
  disabled,
  onInsert,
}: {
  sentence: TmSentenceMatches;
  codes: readonly InlineCode[] | undefined;
  sourceLang: string;
  targetLang: string;
  dir: 'ltr' | 'rtl' | 'auto';
  hintId: string;
  disabled: boolean;
  onInsert: () => void;
}) {
  const { t } = useTranslation();
  const targetId = useId();
  const best = sentence.matches[0];
  const target = useMemo(
    () => (best ? mapOntoSentence(best.target, best.codes ?? [], sentence.text, codes ?? []) : ''),
    [best, sentence.text, codes],
  );
  return (
    <li className="tm-sentence" data-sentence-index={sentence.index}>
      <p className="tm-sentence-source" lang={sourceLang}>
        <span className="tm-sentence-number">{t('memory.sentences.sentence', { number: sentence.index + 1 })}: </span>
        <InlineText text={sentence.text} codes={codes} />
      </p>
      {best ? (
        <>
          <span className="tm-score" aria-label={t('memory.matches.scoreLabel', { score: best.score })}>
            {t('memory.matches.score', { score: best.score })}
          </span>{' '}
          <span id={targetId} className="tm-target" lang={best.targetLang || targetLang} dir={dir}>
            <InlineText text={target} codes={codes} />
          </span>{' '}
          <button type="button" disabled={disabled} aria-describedby={`${targetId} ${hintId}`} onClick={onInsert}>
            {t('memory.sentences.insert')}
          </button>
        </>
      ) : (
        <p className="meta">{t('memory.sentences.none')}</p>
      )}
    </li>
  );
}
