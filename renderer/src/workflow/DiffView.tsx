/**
 * A word-level diff (character-level for CJK) in the text's own language and direction. Inline
 * tokens show as chips when the texts' codes are given, else as numbered marks (⟨1⟩…⟨/1⟩).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { diffTexts } from '../../../shared/diff/textDiff.js';
import { visibleTokens, type InlineCode } from '../../../shared/inline/inlineCodes.js';
import { InlineText } from '../inline/InlineText.js';

export function DiffView({
  before,
  after,
  lang,
  dir,
  label,
  codes,
}: {
  before: string;
  after: string;
  lang: string;
  dir: 'ltr' | 'rtl' | 'auto';
  label: string;
  /** The codes both texts' tokens belong to. */
  codes?: readonly InlineCode[] | undefined;
}) {
  const { t } = useTranslation();
  const chips = codes !== undefined && codes.length > 0;
  // Each placeholder is a word of its own in the diff: a chip added or removed shows as such.
  const parts = useMemo(
    () => (chips ? diffTexts(before, after, lang) : diffTexts(visibleTokens(before), visibleTokens(after), lang)),
    [before, after, lang, chips],
  );
  const show = (text: string) => (chips ? <InlineText text={text} codes={codes} /> : text);
  return (
    <figure className="diff-view">
      <figcaption>{label}</figcaption>
      <p className="diff-text" lang={lang} dir={dir}>
        {parts.length === 0 && <span className="muted">{t('workflow.history.empty')}</span>}
        {parts.map((p, i) =>
          p.kind === 'added' ? (
            <ins key={i}>
              <span className="visually-hidden">{t('workflow.diff.added')} </span>
              {show(p.text)}
            </ins>
          ) : p.kind === 'removed' ? (
            <del key={i}>
              <span className="visually-hidden">{t('workflow.diff.removed')} </span>
              {show(p.text)}
            </del>
          ) : (
            <span key={i}>{show(p.text)}</span>
          ),
        )}
      </p>
    </figure>
  );
}
