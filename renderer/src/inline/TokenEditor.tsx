/**
 * The translation box of a paragraph with inline tokens: a plain-text contenteditable in which each
 * token is a non-editable chip, so typing can never break one (a chip is removed whole, or not at
 * all; the QA check then reports it missing). The DOM is rebuilt only when the value changes from
 * outside (undo, MT, a save), so the caret stays where the person types.
 *
 * A token the translation lacks (deleted, or lost by MT) can be put back where it belongs: the
 * "Missing formatting" buttons under the box, or Alt+Insert for the first missing one, insert it
 * at the caret (the last caret position in the box), so a misplaced token is moved by deleting it
 * and inserting it again.
 */
import { useId, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkTokens, type InlineCode } from '../../../shared/inline/inlineCodes.js';
import { chipElement, chipLabel, readTokens, tokenChips } from './chips.js';

export interface TokenEditorProps {
  value: string;
  codes: readonly InlineCode[];
  label: string;
  describedBy: string;
  invalid: boolean;
  lang: string;
  dir: 'ltr' | 'rtl' | 'auto';
  elementRef: (el: HTMLElement | null) => void;
  onText: (value: string) => void;
  onBlur: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
}

export function TokenEditor(props: TokenEditorProps) {
  const { value, codes, label, describedBy, invalid, lang, dir, elementRef, onText, onBlur, onKeyDown } = props;
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement | null>(null);
  const builtFor = useRef<{ codes: readonly InlineCode[]; language: string } | null>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const same = builtFor.current?.codes === codes && builtFor.current.language === i18n.language;
    if (same && readTokens(el) === value) return;
    el.replaceChildren(...tokenChips(el.ownerDocument, value, codes, t));
    builtFor.current = { codes, language: i18n.language };
  }, [value, codes, t, i18n.language]);

  const missingId = useId();
  /** The caret (or selection) last seen inside the box. */
  const caret = useRef<Range | null>(null);
  const rememberCaret = (): void => {
    const el = ref.current;
    const sel = el?.ownerDocument.getSelection();
    if (!el || !sel || sel.rangeCount === 0) return;
    const range = sel.getRangeAt(0);
    if (el.contains(range.startContainer)) caret.current = range.cloneRange();
  };
  const missing = codes.length > 0 ? checkTokens(value, codes).missing : [];

  function insertToken(token: string): void {
    const el = ref.current;
    if (!el) return;
    const chip = chipElement(el.ownerDocument, token, codes, t);
    const range = caret.current && el.contains(caret.current.startContainer) ? caret.current : null;
    if (range) {
      range.deleteContents();
      range.insertNode(chip);
    } else el.appendChild(chip);
    const after = el.ownerDocument.createRange();
    after.setStartAfter(chip);
    after.collapse(true);
    caret.current = after;
    el.focus();
    const sel = el.ownerDocument.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(after);
    const next = readTokens(el);
    if (next !== value) onText(next);
  }

  return (
    <>
    <div
      ref={(el) => {
        ref.current = el;
        elementRef(el);
      }}
      className="translation token-editor"
      role="textbox"
      aria-multiline="true"
      aria-label={label}
      aria-describedby={missing.length > 0 ? `${describedBy} ${missingId}` : describedBy}
      aria-invalid={invalid || undefined}
      tabIndex={0}
      contentEditable="plaintext-only"
      suppressContentEditableWarning
      lang={lang}
      dir={dir}
      onInput={(e) => {
        const next = readTokens(e.currentTarget);
        if (next !== value) onText(next);
      }}
      onBlur={() => {
        rememberCaret();
        onBlur();
      }}
      onKeyUp={rememberCaret}
      onMouseUp={rememberCaret}
      onKeyDown={(e) => {
        if (e.key === 'Insert' && e.altKey && !e.ctrlKey && !e.metaKey && missing.length > 0) {
          e.preventDefault();
          rememberCaret();
          insertToken(missing[0]!);
          return;
        }
        onKeyDown(e);
      }}
    />
    {missing.length > 0 && (
      <div className="token-missing" id={missingId} role="group" aria-label={t('importing.inline.missing')}>
        <span>{t('importing.inline.missing')}</span>{' '}
        {missing.map((token) => (
          <button
            key={token}
            type="button"
            className="button-quiet token-insert"
            // Keep the caret in the box while the button is pressed with the mouse.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => insertToken(token)}
          >
            {t('importing.inline.insert', { what: chipLabel(token, codes, t).label })}
          </button>
        ))}
      </div>
    )}
    </>
  );
}
