/**
 * A paragraph's source with its glossary terms highlighted. Each term is focusable (Tab reaches
 * it) and described by its target term: shown as a tooltip on hover and on focus, read by screen
 * readers through aria-describedby, and in `title` for the mouse. The tooltips sit outside the
 * paragraph, so its text stays exactly the source. Inline tokens show as chips (inline/InlineText).
 */
import { memo, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitByMatches } from '../../../shared/glossary/match.js';
import { useGlossaryIndex } from './GlossaryContext.js';
import type { InlineCode } from '../../../shared/inline/inlineCodes.js';
import { InlineText } from '../inline/InlineText.js';
import { splitUnknownWords } from '../engines/unknownWords.js';

/** Text with its inline chips, and the words the MT engine did not know highlighted. */
function SourcePiece({
  text,
  codes,
  unknownWords,
}: {
  text: string;
  codes: readonly InlineCode[] | undefined;
  unknownWords: readonly string[];
}) {
  const { t } = useTranslation();
  if (unknownWords.length === 0) return <InlineText text={text} codes={codes} />;
  return (
    <>
      {splitUnknownWords(text, unknownWords).map((piece, i) =>
        piece.unknown ? (
          <mark key={i} className="unknown-word" title={t('engines.row.unknownWordTitle')}>
            <InlineText text={piece.text} codes={codes} />
          </mark>
        ) : (
          <InlineText key={i} text={piece.text} codes={codes} />
        ),
      )}
    </>
  );
}

function SourceTextImpl({
  id,
  className,
  lang,
  text,
  codes,
  unknownWords = [],
}: {
  id: string;
  className: string;
  lang: string;
  text: string;
  codes?: readonly InlineCode[] | undefined;
  /** Words the MT engine did not know (highlighted). */
  unknownWords?: readonly string[];
}) {
  const { t } = useTranslation();
  const glossary = useGlossaryIndex();
  const base = useId();
  /** The term whose tooltip shows (hovered or focused); Escape hides it. */
  const [active, setActive] = useState<number | null>(null);
  const pieces = useMemo(() => splitByMatches(text, glossary.matches(text, lang)), [text, glossary, lang]);
  const matches = pieces.filter((p) => p.match !== null);
  if (matches.length === 0) {
    return (
      <p id={id} className={className} lang={lang}>
        <SourcePiece text={text} codes={codes} unknownWords={unknownWords} />
      </p>
    );
  }
  const tip = (i: number) => `${base}-term-${i}`;
  let n = 0;
  return (
    <>
      <p id={id} className={className} lang={lang}>
        {pieces.map((piece, i) => {
          if (piece.match === null) return <SourcePiece key={i} text={piece.text} codes={codes} unknownWords={unknownWords} />;
          const term = piece.match.term;
          const k = n++;
          const title = term.note
            ? t('glossary.editor.tipNote', { target: term.target, note: term.note })
            : t('glossary.editor.tip', { target: term.target });
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
              <SourcePiece text={piece.text} codes={codes} unknownWords={unknownWords} />
            </mark>
          );
        })}
      </p>
      <div className="glossary-tips">
        {matches.map((piece, k) => {
          const term = piece.match.term;
          return (
            <span key={k} id={tip(k)} role="tooltip" className={k === active ? 'glossary-tip visible' : 'glossary-tip'}>
              {term.note
                ? t('glossary.editor.tipNote', { target: term.target, note: term.note })
                : t('glossary.editor.tip', { target: term.target })}
              {term.forbidden.length > 0 && <> {t('glossary.editor.forbidden', { variants: term.forbidden.join(', ') })}</>}
            </span>
          );
        })}
      </div>
    </>
  );
}

export const SourceText = memo(SourceTextImpl);
