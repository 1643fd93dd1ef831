/** A word-level diff (character-level for CJK) in the text's own language and direction. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { diffTexts } from '../../../shared/diff/textDiff.js';
import { visibleTokens } from '../../../shared/inline/inlineCodes.js';

export function DiffView({
  before,
  after,
  lang,
  dir,
  label,
}: {
  before: string;
  after: string;
  lang: string;
  dir: 'ltr' | 'rtl' | 'auto';
  label: string;
}) {
  const { t } = useTranslation();
  // Inline tokens (shared/inline) show as readable marks.
  const parts = useMemo(() => diffTexts(visibleTokens(before), visibleTokens(after), lang), [before, after, lang]);
  return (
    <figure className="diff-view">
      <figcaption>{label}</figcaption>
      <p className="diff-text" lang={lang} dir={dir}>
        {parts.length === 0 && <span className="muted">{t('workflow.history.empty')}</span>}
        {parts.map((p, i) =>
          p.kind === 'added' ? (
            <ins key={i}>
              <span className="visually-hidden">{t('workflow.diff.added')} </span>
              {p.text}
            </ins>
          ) : p.kind === 'removed' ? (
            <del key={i}>
              <span className="visually-hidden">{t('workflow.diff.removed')} </span>
              {p.text}
            </del>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </p>
    </figure>
  );
}
