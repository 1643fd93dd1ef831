/**
 * Renames a library item in place: the title in a text box (Enter saves, Escape cancels). The
 * title is checked as the service checks it (shared/features/libraryTitle.ts) before it is sent;
 * a refused title keeps the text and says why, and nothing is saved.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryItem } from '../../../shared/features/libraryApi.js';
import { checkTitle } from '../../../shared/features/libraryTitle.js';
import { useApi } from '../api/ApiProvider.js';
import { useFormatError } from '../i18n/formatError.js';
import { showControlsVisibly } from '../../../shared/textHygiene.js';

export function RenameForm({ item, onDone }: { item: LibraryItem; onDone: (renamed: LibraryItem | null) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const formatError = useFormatError();
  const ids = { input: useId(), error: useId() };
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(item.title);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    const checked = checkTitle(value);
    if (!checked.ok) {
      setError({ code: checked.code, message: '', ...(checked.limit !== undefined ? { details: { limit: checked.limit } } : {}) });
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      onDone(await api.renameDocument({ documentId: item.id, title: checked.title }));
    } catch (err) {
      setError(err);
      setBusy(false);
      inputRef.current?.focus();
    }
  }

  return (
    <form
      className="rename-form"
      aria-label={t('library.rename.form', { title: showControlsVisibly(item.title) })}
      noValidate
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onDone(null);
        }
      }}
    >
      <label htmlFor={ids.input}>{t('library.rename.label')}</label>
      <input
        id={ids.input}
        ref={inputRef}
        type="text"
        value={value}
        lang={item.sourceLang}
        dir="auto"
        aria-invalid={error !== null}
        aria-describedby={error !== null ? ids.error : undefined}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
      />
      <button type="submit" className="button-primary" disabled={busy}>
        {t('library.rename.save')}
      </button>
      <button type="button" onClick={() => onDone(null)}>
        {t('library.rename.cancel')}
      </button>
      {error !== null && (
        <p id={ids.error} role="alert" className="alert">
          {formatError(error)}
        </p>
      )}
    </form>
  );
}
