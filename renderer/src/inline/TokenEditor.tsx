/**
 * The translation box of a paragraph with inline tokens: a ProseMirror editor (chipEditorView.ts)
 * in which each token is a chip, an inline atom, so typing can never break one (a chip is removed
 * whole, or not at all; the QA check then reports it missing). The text it reports and the text it
 * is given are the paragraph's text with placeholders; a text that comes back from a save is the
 * one already shown, so nothing is rebuilt and the caret stays where the person types.
 *
 * A token the translation lacks (deleted, or lost by MT) can be put back where it belongs: the
 * "Missing formatting" buttons under the box, or Alt+Insert for the first missing one, insert it
 * at the caret, so a misplaced token is moved by deleting it and inserting it again. The buttons
 * show only once the paragraph has a translation.
 */
import { useId, useLayoutEffect, useMemo, useRef, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkTokens, type InlineCode } from '../../../shared/inline/inlineCodes.js';
import { LIMITS } from '../../../shared/limits.js';
import { chipLabel } from './chips.js';
import { createChipEditor, type ChipEditor } from './chipEditorView.js';

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
  onFocus?: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
}

/** The tokens a translation lacks; none while there is no translation yet. */
export function missingTokens(value: string, codes: readonly InlineCode[]): string[] {
  if (codes.length === 0 || value.trim() === '') return [];
  return checkTokens(value, codes).missing;
}

export function TokenEditor(props: TokenEditorProps) {
  const { value, codes, label, describedBy, invalid, lang, dir } = props;
  const { t } = useTranslation();
  const hostRef = useRef<HTMLDivElement | null>(null);
  const editorRef = useRef<ChipEditor | null>(null);
  const latest = useRef(props);
  const missingId = useId();
  const missing = missingTokens(value, codes);
  useLayoutEffect(() => {
    latest.current = props;
  });

  // The codes by content: a save returns an equal but new array, which changes nothing.
  const codesKey = useMemo(() => JSON.stringify(codes), [codes]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content: an equal new array keeps the old one.
  const stableCodes = useMemo(() => codes, [codesKey]);

  const attributes = useMemo(() => {
    const attrs: Record<string, string> = {
      class: 'translation token-editor',
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': label,
      'aria-describedby': missing.length > 0 ? `${describedBy} ${missingId}` : describedBy,
      lang,
      dir,
    };
    if (invalid) attrs['aria-invalid'] = 'true';
    return attrs;
  }, [label, describedBy, missing.length, missingId, lang, dir, invalid]);

  // One editor per mounted box, destroyed with it.
  useLayoutEffect(() => {
    const host = hostRef.current!;
    const editor = createChipEditor(host, {
      text: latest.current.value,
      codes: stableCodes,
      t,
      maxLength: LIMITS.paragraphChars,
      attributes,
      onText: (text) => latest.current.onText(text),
      nextMissing: (text) => missingTokens(text, latest.current.codes)[0] ?? null,
    });
    editorRef.current = editor;
    latest.current.elementRef(editor.view.dom);
    return () => {
      latest.current.elementRef(null);
      editor.destroy();
      editorRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- created once; later changes go through the effects below.
  }, []);

  useLayoutEffect(() => {
    editorRef.current?.setText(value);
  }, [value]);
  useLayoutEffect(() => {
    editorRef.current?.setCodes(stableCodes, t);
  }, [stableCodes, t]);
  useLayoutEffect(() => {
    editorRef.current?.setAttributes(attributes);
  }, [attributes]);

  return (
    <>
      <div
        ref={hostRef}
        className="token-editor-host"
        onKeyDown={(e) => latest.current.onKeyDown(e)}
        onFocus={(e: FocusEvent) => {
          if (e.target === editorRef.current?.view.dom) latest.current.onFocus?.();
        }}
        onBlur={(e: FocusEvent) => {
          if (e.target === editorRef.current?.view.dom) latest.current.onBlur();
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
              onClick={() => editorRef.current?.insertToken(token)}
            >
              {t('importing.inline.insert', { what: chipLabel(token, codes, t).label })}
            </button>
          ))}
        </div>
      )}
    </>
  );
}
