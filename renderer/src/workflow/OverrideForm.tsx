/** Asks the editor why a paragraph with QA errors may be signed off anyway. */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SkippedParagraph } from '../../../shared/features/workflowApi.js';
import { qaMessage } from './qaMessage.js';

/** A sign-off held by the QA gate; `fast` when it also comes faster than reading speed. */
export type SignOffGate = SkippedParagraph & { fast?: boolean };

export function OverrideForm({
  skipped,
  busy,
  onSubmit,
  onCancel,
}: {
  skipped: SignOffGate;
  busy: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);

  function submit(e: FormEvent): void {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setTooShort(true);
      return;
    }
    onSubmit(reason.trim());
  }

  return (
    <form className="override-form" onSubmit={submit}>
      <p role="alert" className="alert">
        {t('workflow.override.blocked', { number: skipped.number })}
      </p>
      <ul className="qa-issues">
        {skipped.issues.map((issue, i) => (
          <li key={i} className="qa-issue qa-error">
            <span className="qa-severity">{t('workflow.qa.errorPrefix')}</span> {qaMessage(t, issue)}
          </li>
        ))}
      </ul>
      {skipped.fast && <p className="meta">{t('workflow.override.fast')}</p>}
      <label htmlFor={id}>{t('workflow.override.reasonLabel')}</label>
      <textarea
        id={id}
        ref={ref}
        rows={2}
        maxLength={1000}
        value={reason}
        aria-invalid={tooShort || undefined}
        onChange={(e) => {
          setReason(e.target.value);
          setTooShort(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
        }}
      />
      {tooShort && (
        <p role="alert" className="alert">
          {t('workflow.override.tooShort')}
        </p>
      )}
      <div className="override-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {t('workflow.override.confirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('workflow.override.cancel')}
        </button>
      </div>
    </form>
  );
}
