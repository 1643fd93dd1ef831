/**
 * Import an article: pasted text (plain, Markdown, or HTML from the clipboard, which keeps its
 * links and emphasis), or a file (text, Markdown, HTML, Word, XLIFF) chosen or dropped, with its
 * language pair. A web page gives its article, or the whole page when asked.
 */
import { useEffect, useId, useRef, useState, type ClipboardEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportDocumentInput, ImportSource } from '../../../shared/api.js';
import type { BilingualAlignment } from '../../../shared/features/importingApi.js';
import { extensionOf, IMPORT_ACCEPT_LIST, IMPORT_EXTENSIONS, type PasteFormat } from '../../../shared/import/importedDocument.js';
import type { ApiError, DocumentDetail } from '../../../shared/types.js';
import { LIMITS } from '../../../shared/limits.js';
import { useApi } from '../api/ApiProvider.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { LanguageSelect } from '../components/LanguageSelect.js';
import { useFocusOnMount } from '../components/useFocusOnMount.js';
import { DropZone } from '../importing/FileDropArea.js';
import { fileSource } from '../importing/readFile.js';
import { AlignmentFixer } from '../importing/AlignmentFixer.js';
import { ApiCallError } from '../../../shared/api.js';
import { detailsOf } from '../../../shared/errorDetails.js';
import { useConfirmDialog } from '../workflow/useConfirmDialog.js';
import { peekXliffLanguages } from '../../../shared/import/peekXliffLanguages.js';

/** The file's own languages when an import was refused because they differ from the chosen ones (issue 14). */
function fileLanguages(err: unknown): { source: string; target: string } | null {
  const d = err instanceof ApiCallError ? detailsOf(err.error, 'IMPORT_LANGUAGE_MISMATCH') : undefined;
  return d?.fileSourceLang !== undefined && d.fileTargetLang !== undefined ? { source: d.fileSourceLang, target: d.fileTargetLang } : null;
}

export const IMPORT_ACCEPT = IMPORT_ACCEPT_LIST;

function localError(code: ApiError['code']): ApiError {
  return { code, message: code };
}

const PASTE_FORMATS: readonly PasteFormat[] = ['txt', 'md', 'html'];

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
  const ids = {
    heading: useId(),
    text: useId(),
    file: useId(),
    format: useId(),
    title: useId(),
    titleHint: useId(),
    formats: useId(),
    pair: useId(),
    translation: useId(),
    wholePage: useId(),
    wholePageHint: useId(),
  };
  const headingRef = useRef<HTMLHeadingElement>(null);
  const languageQuestion = useConfirmDialog();
  const fileRef = useRef<HTMLInputElement>(null);
  useFocusOnMount(headingRef);

  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(initialFile);
  const [format, setFormat] = useState<PasteFormat>('txt');
  const [wholePage, setWholePage] = useState(false);
  const [pastedHtml, setPastedHtml] = useState(false);
  const [sourceLang, setSourceLang] = useState('en');
  const [targetLang, setTargetLang] = useState('es');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const [pair, setPair] = useState(false);
  const [translationFile, setTranslationFile] = useState<File | null>(null);
  const [aligned, setAligned] = useState<{ source: ImportSource; alignment: BilingualAlignment } | null>(null);

  /** The languages a chosen XLIFF declares, shown before it is imported (the import checks them). */
  const [declared, setDeclared] = useState<{ sourceLang: string | null; targetLang: string | null } | null>(null);
  // Another file shows no languages until its own have been read.
  const [declaredFile, setDeclaredFile] = useState(file);
  if (declaredFile !== file) {
    setDeclaredFile(file);
    setDeclared(null);
  }
  useEffect(() => {
    if (!file || IMPORT_EXTENSIONS[extensionOf(file.name)] !== 'xliff') return;
    let live = true;
    void file
      .slice(0, 64 * 1024)
      .text()
      .then((head) => live && setDeclared(peekXliffLanguages(head)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [file]);

  /** A web page is imported: an HTML file, or pasted HTML. */
  const isPage = file ? IMPORT_EXTENSIONS[extensionOf(file.name)] === 'html' : format === 'html';

  /** The page's reading goes with its source: the article (the default) or the whole page. */
  function withReading(source: ImportSource): ImportSource {
    return isPage && wholePage ? { ...source, extract: 'page' } : source;
  }

  async function buildSource(): Promise<ImportSource | ApiError> {
    if (file) {
      const source = await fileSource(file);
      return 'code' in source ? source : withReading(source);
    }
    if (text.trim() === '') return localError('IMPORT_EMPTY');
    if (new TextEncoder().encode(text).length > LIMITS.importBytes) return localError('IMPORT_TOO_LARGE');
    return withReading({ kind: 'text', text, format });
  }

  /**
   * The clipboard's HTML (a web page, a Word or Google document) is taken as HTML, so its links and
   * emphasis become chips: when it replaces the whole text, or is pasted into text already in HTML.
   * Into plain text or Markdown, the plain text is pasted as ever.
   */
  function pasteHtml(e: ClipboardEvent<HTMLTextAreaElement>): void {
    const html = e.clipboardData.getData('text/html');
    if (html.trim() === '' || file) return;
    const box = e.currentTarget;
    const replacesAll = box.value.trim() === '' || (box.selectionStart === 0 && box.selectionEnd === box.value.length);
    if (!replacesAll && format !== 'html') return;
    e.preventDefault();
    setText(replacesAll ? html : box.value.slice(0, box.selectionStart) + html + box.value.slice(box.selectionEnd));
    setFormat('html');
    setPastedHtml(true);
  }

  /** Bilingual pair: reads both files and shows the proposed alignment for checking. */
  async function align(): Promise<void> {
    if (!file || !translationFile) return;
    const read = await fileSource(file);
    const source = 'code' in read ? read : withReading(read);
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
    setCancelled(false);
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
      const doc = await importAsking(input);
      if (doc) onImported(doc);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  /**
   * Imports; when the file declares other languages than the chosen ones, asks: import it with the
   * file's languages, or cancel. Never relabels the file silently.
   */
  async function importAsking(input: ImportDocumentInput): Promise<DocumentDetail | null> {
    try {
      return await api.importDocument(input);
    } catch (err) {
      const declared = fileLanguages(err);
      if (!declared) throw err;
      const names = { fileSource: declared.source, fileTarget: declared.target, source: input.sourceLang, target: input.targetLang };
      const useFile = await languageQuestion.ask({
        heading: t('importing.languages.heading'),
        text: t('importing.languages.text', names),
        yes: t('importing.languages.useFile', names),
        no: t('importing.languages.cancel'),
      });
      if (!useFile) {
        setCancelled(true);
        return null;
      }
      setSourceLang(declared.source);
      setTargetLang(declared.target);
      return api.importDocument({ ...input, sourceLang: declared.source, targetLang: declared.target });
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
          <textarea id={ids.text} rows={10} value={text} lang={sourceLang} onChange={(e) => setText(e.target.value)} onPaste={pasteHtml} />
          {pastedHtml && format === 'html' && !file && (
            <p className="note" role="status">
              {t('importing.paste.html')}
            </p>
          )}
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={ids.format}>{t('import.format.label')}</label>
            <select
              id={ids.format}
              value={format}
              disabled={file !== null}
              onChange={(e) => setFormat(PASTE_FORMATS.find((f) => f === e.target.value) ?? 'txt')}
            >
              <option value="txt">{t('import.format.txt')}</option>
              <option value="md">{t('import.format.md')}</option>
              <option value="html">{t('importing.format.html')}</option>
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
        {isPage && (
          <div className="field checkbox">
            <input
              id={ids.wholePage}
              type="checkbox"
              checked={wholePage}
              aria-describedby={ids.wholePageHint}
              onChange={(e) => setWholePage(e.target.checked)}
            />
            <label htmlFor={ids.wholePage}>{t('importing.page.whole')}</label>
            <span id={ids.wholePageHint} className="hint">
              {t('importing.page.hint')}
            </span>
          </div>
        )}
        <div className="field checkbox">
          <input id={ids.pair} type="checkbox" checked={pair} onChange={(e) => setPair(e.target.checked)} />
          <label htmlFor={ids.pair}>{t('importing.align.pair')}</label>
        </div>
        {pair && (
          <div className="field">
            <label htmlFor={ids.translation}>{t('importing.align.translationFile')}</label>
            <input
              id={ids.translation}
              type="file"
              accept={IMPORT_ACCEPT}
              onChange={(e) => setTranslationFile(e.target.files?.[0] ?? null)}
            />
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
        {file && declared && (
          <p className="note" role="status">
            {t('importing.languages.declared', { source: declared.sourceLang ?? '?', target: declared.targetLang ?? '?' })}
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
        {cancelled && (
          <p className="note" role="status">
            {t('importing.languages.cancelled')}
          </p>
        )}
        {languageQuestion.dialog}
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
