/**
 * A paragraph's source with its glossary terms highlighted. Each term is focusable (Tab reaches
 * it) and described by its target term: shown as a tooltip on hover and on focus, read by screen
 * readers through aria-describedby, and in `title` for the mouse. The tooltips sit outside the
 * paragraph, so its text stays exactly the source. Inline tokens show as chips (inline/InlineText).
 */
import { memo, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findTermMatches, splitByMatches } from '../../../shared/glossary/match.js';
import { useGlossaryTerms } from './GlossaryContext.js';
import type { InlineCode } from '../../../shared/inline/inlineCodes.js';
import { InlineText } from '../inline/InlineText.js';

function SourceTextImpl({ id, className, lang, text, codes }: { id: string; className: string; lang: string; text: string; codes?: readonly InlineCode[] | undefined }) {
  const { t } = useTranslation();
  const terms = useGlossaryTerms();
  const base = useId();
  /** The term whose tooltip shows (hovered or focused); Escape hides it. */
  const [active, setActive] = useState<number | null>(null);
  const pieces = useMemo(() => splitByMatches(text, findTermMatches(text, terms, lang)), [text, terms, lang]);
  const matches = pieces.filter((p) => p.match !== null);
  if (matches.length === 0) {
    return (
      <p id={id} className={className} lang={lang}>
        <InlineText text={text} codes={codes} />
      </p>
    );
  }
  const tip = (i: number) => `${base}-term-${i}`;
  let n = 0;
  return (
    <>
      <p id={id} className={className} lang={lang}>
        {pieces.map((piece, i) => {
          if (piece.match === null) return <InlineText key={i} text={piece.text} codes={codes} />;
          const term = piece.match.term;
          const k = n++;
          const title = term.note ? t('glossary.editor.tipNote', { target: term.target, note: term.note }) : t('glossary.editor.tip', { target: term.target });
          return (
            <mark
              key={i}
              className="glossary-term"
              tabIndex={0}
              title={title}
              aria-describedby={tip(k)}
              onMouseEnter={() => setActive(k)}
              onMouseLeave={() => setActive((a) => (a === k ? null : a))}
              onFocus={() => setActive(k)}
              onBlur={() => setActive((a) => (a === k ? null : a))}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setActive(null);
              }}
            >
              <InlineText text={piece.text} codes={codes} />
            </mark>
          );
        })}
      </p>
      <div className="glossary-tips">
        {matches.map((piece, k) => {
          const term = piece.match!.term;
          return (
            <span key={k} id={tip(k)} role="tooltip" className={k === active ? 'glossary-tip visible' : 'glossary-tip'}>
              {term.note ? t('glossary.editor.tipNote', { target: term.target, note: term.note }) : t('glossary.editor.tip', { target: term.target })}
              {term.forbidden.length > 0 && <> {t('glossary.editor.forbidden', { variants: term.forbidden.join(', ') })}</>}
            </span>
          );
        })}
      </div>
    </>
  );
}

export const SourceText = memo(SourceTextImpl);
