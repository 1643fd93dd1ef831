/**
 * Ctrl+G "Go to paragraph": a small dialog with the paragraph number. Enter goes there (the list
 * scrolls to the row, mounting it, and its Translation box gets focus); a number out of range, or
 * a paragraph the find/filter bar hides, is said in the dialog. Escape or Cancel close it.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { firstFocusable } from '../components/restoreFocus.js';

export type GoToResult = 'done' | 'hidden';

export function GoToParagraph({
  total,
  onGo,
  onClose,
}: {
  total: number;
  /** Goes to paragraph `number` (1-based, in range); 'hidden' when the filter hides it. */
  onGo: (number: number) => GoToResult;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ids = { heading: useId(), input: useId(), hint: useId(), error: useId() };
  const [value, setValue] = useState('');
  const [error, setError] = useState<((tt: TFunction) => string) | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  useEffect(() => inputRef.current?.focus(), []);

  function submit(e: FormEvent): void {
    e.preventDefault();
    const text = value.trim();
    const number = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(number) || number < 1 || number > total) {
      setError(() => (tt: TFunction) => tt('navigation.goTo.outOfRange', { max: total }));
      inputRef.current?.focus();
      return;
    }
    if (onGo(number) === 'hidden') {
      setError(() => (tt: TFunction) => tt('navigation.goTo.hidden', { number }));
      inputRef.current?.focus();
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !dialogRef.current) return;
    // Keep focus inside the dialog.
    const controls = [...dialogRef.current.querySelectorAll<HTMLElement>('input, button')].filter(
      (el) => !(el as HTMLButtonElement).disabled,
    );
    const at = controls.indexOf(document.activeElement as HTMLElement);
    const next = controls[(at + (e.shiftKey ? -1 : 1) + controls.length) % controls.length] ?? firstFocusable(dialogRef.current);
    e.preventDefault();
    next?.focus();
  }

  return (
    <div className="shortcut-backdrop">
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={ids.heading}
        className="shortcut-help goto-dialog"
        onKeyDown={onKeyDown}
      >
        <h2 id={ids.heading}>{t('navigation.goTo.heading')}</h2>
        <form noValidate onSubmit={submit}>
          <div className="field">
            <label htmlFor={ids.input}>{t('navigation.goTo.label')}</label>
            <input
              id={ids.input}
              ref={inputRef}
              type="number"
              inputMode="numeric"
              min={1}
              max={total}
              step={1}
              value={value}
              aria-invalid={error !== null || undefined}
              aria-describedby={error !== null ? `${ids.error} ${ids.hint}` : ids.hint}
              onChange={(e) => {
                setValue(e.target.value);
                setError(null);
              }}
            />
            <p id={ids.hint} className="hint">
              {t('navigation.goTo.hint', { max: total })}
            </p>
            {error && (
              <p id={ids.error} role="alert" className="alert">
                {error(t)}
              </p>
            )}
          </div>
          <div className="dialog-actions">
            <button type="submit" className="button-primary">
              {t('navigation.goTo.go')}
            </button>
            <button type="button" onClick={onClose}>
              {t('navigation.goTo.cancel')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
