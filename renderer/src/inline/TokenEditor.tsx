/**
 * The translation box of a paragraph with inline tokens: a plain-text contenteditable in which each
 * token is a non-editable chip, so typing can never break one (a chip is removed whole, or not at
 * all; the QA check then reports it missing). The DOM is rebuilt only when the value changes from
 * outside (undo, MT, a save), so the caret stays where the person types.
 */
import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InlineCode } from '../../../shared/inline/inlineCodes.js';
import { readTokens, tokenChips } from './chips.js';

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

  return (
    <div
      ref={(el) => {
        ref.current = el;
        elementRef(el);
      }}
      className="translation token-editor"
      role="textbox"
      aria-multiline="true"
      aria-label={label}
      aria-describedby={describedBy}
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
      onBlur={onBlur}
      onKeyDown={onKeyDown}
    />
  );
}
