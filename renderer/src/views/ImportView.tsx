/** Import an article: pasted text (plain or Markdown) or a .txt/.md file, with its language pair. */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportDocumentInput, ImportSource } from '../../../shared/api.js';
import type { ApiError, DocumentDetail, SourceFormat } from '../../../shared/types.js';
import { LIMITS } from '../../../shared/limits.js';
import { useApi } from '../api/ApiProvider.js';
import { bytesToBase64 } from '../base64.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { LanguageSelect } from '../components/LanguageSelect.js';
import { useFocusOnMount } from '../components/useFocusOnMount.js';

export const IMPORT_ACCEPT = '.txt,.md,.markdown';

function localError(code: ApiError['code']): ApiError {
  return { code, message: code };
}

async function fileBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsArrayBuffer(file);
  });
}

export function ImportView({ onImported, onCancel }: { onImported: (doc: DocumentDetail) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = { heading: useId(), text: useId(), file: useId(), format: useId(), title: useId(), titleHint: useId() };
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  useFocusOnMount(headingRef);

  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<SourceFormat>('txt');
  const [sourceLang, setSourceLang] = useState('en');
  const [targetLang, setTargetLang] = useState('es');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function buildSource(): Promise<ImportSource | ApiError> {
    if (file) {
      if (file.size > LIMITS.importBytes) return localError('IMPORT_TOO_LARGE');
      return { kind: 'file', fileName: file.name, dataBase64: bytesToBase64(await fileBytes(file)) };
    }
    if (text.trim() === '') return localError('IMPORT_EMPTY');
    if (new TextEncoder().encode(text).length > LIMITS.importBytes) return localError('IMPORT_TOO_LARGE');
    return { kind: 'text', text, format };
  }

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (busy) return;
    setError(null);
    setBusy(true);
    try {
      const source = await buildSource();
      if ('code' in source) {
        setError(source);
        return;
      }
      const input: ImportDocumentInput = { source, sourceLang, targetLang };
      if (title.trim() !== '') input.title = title.trim();
      onImported(await api.importDocument(input));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function clearFile(): void {
    setFile(null);
    if (fileRef.current) fileRef.current.value = '';
  }

  return (
    <section className="view import" aria-labelledby={ids.heading}>
      <div className="view-header">
        <h1 id={ids.heading} ref={headingRef} tabIndex={-1}>
          {t('import.heading')}
        </h1>
      </div>
      <p className="intro">{t('import.intro')}</p>
      <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
        <div className="field">
          <label htmlFor={ids.text}>{t('import.text.label')}</label>
          <textarea id={ids.text} rows={10} value={text} lang={sourceLang} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={ids.format}>{t('import.format.label')}</label>
            <select
              id={ids.format}
              value={format}
              disabled={file !== null}
              onChange={(e) => setFormat(e.target.value === 'md' ? 'md' : 'txt')}
            >
              <option value="txt">{t('import.format.txt')}</option>
              <option value="md">{t('import.format.md')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.file}>{t('import.file.label')}</label>
            <input
              id={ids.file}
              ref={fileRef}
              type="file"
              accept={IMPORT_ACCEPT}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
        </div>
        {file && (
          <p className="note">
            {t('import.file.chosen', { fileName: file.name })}{' '}
            <button type="button" className="button-quiet" onClick={clearFile}>
              {t('import.file.clear')}
            </button>
          </p>
        )}
        <div className="field-row">
          <LanguageSelect label={t('import.sourceLang.label')} value={sourceLang} onChange={setSourceLang} />
          <LanguageSelect label={t('import.targetLang.label')} value={targetLang} onChange={setTargetLang} />
        </div>
        <div className="field">
          <label htmlFor={ids.title}>{t('import.title.label')}</label>
          <input
            id={ids.title}
            type="text"
            maxLength={500}
            value={title}
            aria-describedby={ids.titleHint}
            onChange={(e) => setTitle(e.target.value)}
          />
          <span id={ids.titleHint} className="hint">
            {t('import.title.hint')}
          </span>
        </div>
        <ErrorAlert error={error} />
        {busy && (
          <p className="muted" role="status">
            {t('import.form.busy')}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {t('import.form.submit')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('import.form.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
