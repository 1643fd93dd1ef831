/**
 * Import an article: pasted text (plain or Markdown), or a file (text, Markdown, HTML, XLIFF) chosen
 * or dropped, with its language pair.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportDocumentInput, ImportSource } from '../../../shared/api.js';
import type { BilingualAlignment } from '../../../shared/features/importingApi.js';
import { IMPORT_ACCEPT_LIST } from '../../../shared/import/importedDocument.js';
import type { ApiError, DocumentDetail, SourceFormat } from '../../../shared/types.js';
import { LIMITS } from '../../../shared/limits.js';
import { useApi } from '../api/ApiProvider.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { LanguageSelect } from '../components/LanguageSelect.js';
import { useFocusOnMount } from '../components/useFocusOnMount.js';
import { DropZone } from '../importing/FileDropArea.js';
import { fileSource } from '../importing/readFile.js';
import { AlignmentFixer } from '../importing/AlignmentFixer.js';

export const IMPORT_ACCEPT = IMPORT_ACCEPT_LIST;

function localError(code: ApiError['code']): ApiError {
  return { code, message: code };
}

export function ImportView({
  onImported,
  onCancel,
  initialFile = null,
}: {
  onImported: (doc: DocumentDetail) => void;
  onCancel: () => void;
  /** A file dropped onto the window before this view opened. */
  initialFile?: File | null;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = { heading: useId(), text: useId(), file: useId(), format: useId(), title: useId(), titleHint: useId(), formats: useId(), pair: useId(), translation: useId() };
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  useFocusOnMount(headingRef);

  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(initialFile);
  const [format, setFormat] = useState<SourceFormat>('txt');
  const [sourceLang, setSourceLang] = useState('en');
  const [targetLang, setTargetLang] = useState('es');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [pair, setPair] = useState(false);
  const [translationFile, setTranslationFile] = useState<File | null>(null);
  const [aligned, setAligned] = useState<{ source: ImportSource; alignment: BilingualAlignment } | null>(null);

  async function buildSource(): Promise<ImportSource | ApiError> {
    if (file) return fileSource(file);
    if (text.trim() === '') return localError('IMPORT_EMPTY');
    if (new TextEncoder().encode(text).length > LIMITS.importBytes) return localError('IMPORT_TOO_LARGE');
    return { kind: 'text', text, format };
  }

  /** Bilingual pair: reads both files and shows the proposed alignment for checking. */
  async function align(): Promise<void> {
    if (!file || !translationFile) return;
    const source = await fileSource(file);
    if ('code' in source) return setError(source);
    const translation = await fileSource(translationFile);
    if ('code' in translation) return setError(translation);
    setAligned({ source, alignment: await api.alignBilingual({ source, translation }) });
  }

  async function createBilingual(targets: string[]): Promise<void> {
    if (!aligned || busy) return;
    setError(null);
    setBusy(true);
    try {
      const input: Parameters<typeof api.importBilingual>[0] = { source: aligned.source, targets, sourceLang, targetLang };
      if (title.trim() !== '') input.title = title.trim();
      onImported(await api.importBilingual(input));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (busy) return;
    setError(null);
    setBusy(true);
    try {
      if (pair) return await align();
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

  function chooseFile(chosen: File | null): void {
    setFile(chosen);
    setError(null);
  }

  function clearFile(): void {
    setFile(null);
    if (fileRef.current) fileRef.current.value = '';
  }

  if (aligned) {
    return (
      <section className="view import" aria-labelledby={ids.heading}>
        <div className="view-header">
          <h1 id={ids.heading} tabIndex={-1}>
            {t('import.heading')}
          </h1>
        </div>
        <AlignmentFixer
          alignment={aligned.alignment}
          sourceLang={sourceLang}
          targetLang={targetLang}
          busy={busy}
          onCreate={(targets) => void createBilingual(targets)}
          onBack={() => setAligned(null)}
        />
        <ErrorAlert error={error} />
      </section>
    );
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
        </div>
        <DropZone onFile={chooseFile}>
          <div className="field">
            <label htmlFor={ids.file}>{t('import.file.label')}</label>
            <input
              id={ids.file}
              ref={fileRef}
              type="file"
              accept={IMPORT_ACCEPT}
              aria-describedby={ids.formats}
              onChange={(e) => chooseFile(e.target.files?.[0] ?? null)}
            />
            <span id={ids.formats} className="hint">
              {t('importing.formats.hint')}
            </span>
          </div>
        </DropZone>
        <div className="field checkbox">
          <input id={ids.pair} type="checkbox" checked={pair} onChange={(e) => setPair(e.target.checked)} />
          <label htmlFor={ids.pair}>{t('importing.align.pair')}</label>
        </div>
        {pair && (
          <div className="field">
            <label htmlFor={ids.translation}>{t('importing.align.translationFile')}</label>
            <input id={ids.translation} type="file" accept={IMPORT_ACCEPT} onChange={(e) => setTranslationFile(e.target.files?.[0] ?? null)} />
            {(!file || !translationFile) && <span className="hint">{t('importing.align.needTranslation')}</span>}
          </div>
        )}
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
            {pair ? t('importing.align.busy') : t('import.form.busy')}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy || (pair && (!file || !translationFile))}>
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
