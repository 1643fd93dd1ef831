/**
 * Import an article: pasted text (plain, Markdown, or HTML from the clipboard, which keeps its
 * links and emphasis), or a file (text, Markdown, HTML, Word, XLIFF) chosen or dropped, with its
 * language pair. A web page gives its article, or the whole page when asked.
 */
import { useEffect, useId, useRef, useState, type ClipboardEvent, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportDocumentInput, ImportSource, VersoApi } from '../../../shared/api.js';
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
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  useFocusOnMount(headingRef);
  const form = useImportForm(initialFile);
  const run = useImportRun(form, onImported);

  if (run.aligned) {
    const { aligned } = run;
    return (
      <section className="view import" aria-labelledby={headingId}>
        <div className="view-header">
          <h1 id={headingId} tabIndex={-1}>
            {t('import.heading')}
          </h1>
        </div>
        <AlignmentFixer
          alignment={aligned.alignment}
          sourceLang={form.sourceLang}
          targetLang={form.targetLang}
          busy={run.busy}
          onCreate={(targets) => void run.createBilingual(targets)}
          onBack={() => run.setAligned(null)}
        />
        <ErrorAlert error={run.error} />
      </section>
    );
  }

  return (
    <section className="view import" aria-labelledby={headingId}>
      <div className="view-header">
        <h1 id={headingId} ref={headingRef} tabIndex={-1}>
          {t('import.heading')}
        </h1>
      </div>
      <p className="intro">{t('import.intro')}</p>
      <form className="panel" onSubmit={(e) => void run.submit(e)} noValidate aria-busy={run.busy}>
        <PasteFields form={form} />
        <FileFields form={form} fileRef={fileRef} onChoose={run.chooseFile} />
        <LanguageAndTitleFields form={form} />
        <ErrorAlert error={run.error} />
        {run.cancelled && (
          <p className="note" role="status">
            {t('importing.languages.cancelled')}
          </p>
        )}
        {run.dialog}
        {run.busy && (
          <p className="muted" role="status">
            {form.pair ? t('importing.align.busy') : t('import.form.busy')}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button-primary" disabled={run.busy || (form.pair && (!form.file || !form.translationFile))}>
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

/** What the form holds: the pasted text or chosen file(s), the reading of a page, the languages and the title. */
function useImportForm(initialFile: File | null) {
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(initialFile);
  const [format, setFormat] = useState<PasteFormat>('txt');
  const [wholePage, setWholePage] = useState(false);
  const [pastedHtml, setPastedHtml] = useState(false);
  const [sourceLang, setSourceLang] = useState('en');
  const [targetLang, setTargetLang] = useState('es');
  const [title, setTitle] = useState('');
  const [pair, setPair] = useState(false);
  const [translationFile, setTranslationFile] = useState<File | null>(null);
  /** A web page is imported: an HTML file, or pasted HTML. */
  const isPage = file ? IMPORT_EXTENSIONS[extensionOf(file.name)] === 'html' : format === 'html';
  const declared = useDeclaredLanguages(file);
  return {
    ...{ text, setText, file, setFile, format, setFormat, wholePage, setWholePage, pastedHtml, setPastedHtml },
    ...{ sourceLang, setSourceLang, targetLang, setTargetLang, title, setTitle, pair, setPair, translationFile, setTranslationFile },
    isPage,
    declared,
    /** The page's reading goes with its source: the article (the default) or the whole page. */
    withReading: (source: ImportSource): ImportSource => (isPage && wholePage ? { ...source, extract: 'page' } : source),
  };
}

type ImportForm = ReturnType<typeof useImportForm>;
type BilingualInput = Parameters<VersoApi['importBilingual']>[0];

async function buildSource(form: ImportForm): Promise<ImportSource | ApiError> {
  const { file, text, format } = form;
  if (file) {
    const source = await fileSource(file);
    return 'code' in source ? source : form.withReading(source);
  }
  if (text.trim() === '') return localError('IMPORT_EMPTY');
  if (new TextEncoder().encode(text).length > LIMITS.importBytes) return localError('IMPORT_TOO_LARGE');
  return form.withReading({ kind: 'text', text, format });
}

/** Import (asking about a file's own languages), or align a bilingual pair and create it; busy, error, cancelled. */
function useImportRun(form: ImportForm, onImported: (doc: DocumentDetail) => void) {
  const api = useApi();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const [aligned, setAligned] = useState<{ source: ImportSource; alignment: BilingualAlignment } | null>(null);
  const importAsking = useImportAsking(form, () => setCancelled(true));

  /** Bilingual pair: reads both files and shows the proposed alignment for checking. */
  async function align(): Promise<void> {
    const { file, translationFile } = form;
    if (!file || !translationFile) return;
    const read = await fileSource(file);
    const source = 'code' in read ? read : form.withReading(read);
    if ('code' in source) return setError(source);
    const translation = await fileSource(translationFile);
    if ('code' in translation) return setError(translation);
    setAligned({ source, alignment: await api.alignBilingual({ source, translation }) });
  }

  async function busyWhile(work: () => Promise<void>): Promise<void> {
    setError(null);
    setBusy(true);
    try {
      await work();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const withTitle = <T extends { title?: string }>(input: T): T =>
    form.title.trim() !== '' ? { ...input, title: form.title.trim() } : input;

  function createBilingual(targets: string[]): Promise<void> {
    if (!aligned || busy) return Promise.resolve();
    const { sourceLang, targetLang } = form;
    return busyWhile(async () =>
      onImported(await api.importBilingual(withTitle<BilingualInput>({ source: aligned.source, targets, sourceLang, targetLang }))),
    );
  }

  function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (busy) return Promise.resolve();
    setCancelled(false);
    return busyWhile(async () => {
      if (form.pair) return await align();
      const source = await buildSource(form);
      if ('code' in source) return setError(source);
      const doc = await importAsking.run(
        withTitle<ImportDocumentInput>({ source, sourceLang: form.sourceLang, targetLang: form.targetLang }),
      );
      if (doc) onImported(doc);
    });
  }

  function chooseFile(chosen: File | null): void {
    form.setFile(chosen);
    setError(null);
  }

  return { error, busy, cancelled, aligned, setAligned, createBilingual, submit, chooseFile, dialog: importAsking.dialog };
}

/**
 * Imports; when the file declares other languages than the chosen ones, asks: import it with the
 * file's languages, or cancel. Never relabels the file silently.
 */
function useImportAsking(form: ImportForm, onCancelled: () => void) {
  const { t } = useTranslation();
  const api = useApi();
  const languageQuestion = useConfirmDialog();
  async function run(input: ImportDocumentInput): Promise<DocumentDetail | null> {
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
        onCancelled();
        return null;
      }
      form.setSourceLang(declared.source);
      form.setTargetLang(declared.target);
      return api.importDocument({ ...input, sourceLang: declared.source, targetLang: declared.target });
    }
  }
  return { run, dialog: languageQuestion.dialog };
}

/** The languages a chosen XLIFF declares, shown before it is imported (the import checks them); null until read. */
function useDeclaredLanguages(file: File | null) {
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
  return declared;
}

/** The text box (clipboard HTML is taken as HTML) and the pasted text's format. */
function PasteFields({ form }: { form: ImportForm }) {
  const { t } = useTranslation();
  const ids = { text: useId(), format: useId() };
  const { text, setText, file, format, setFormat, pastedHtml, setPastedHtml, sourceLang } = form;

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

  return (
    <>
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
    </>
  );
}

/** The file (chosen or dropped), a page's reading, the bilingual pair's translation file, and what was chosen. */
function FileFields({
  form,
  fileRef,
  onChoose,
}: {
  form: ImportForm;
  fileRef: RefObject<HTMLInputElement | null>;
  onChoose: (file: File | null) => void;
}) {
  const { t } = useTranslation();
  const ids = { file: useId(), formats: useId() };
  const { file, setFile, declared } = form;

  function clearFile(): void {
    setFile(null);
    if (fileRef.current) fileRef.current.value = '';
  }

  return (
    <>
      <DropZone onFile={onChoose}>
        <div className="field">
          <label htmlFor={ids.file}>{t('import.file.label')}</label>
          <input
            id={ids.file}
            ref={fileRef}
            type="file"
            accept={IMPORT_ACCEPT}
            aria-describedby={ids.formats}
            onChange={(e) => onChoose(e.target.files?.[0] ?? null)}
          />
          <span id={ids.formats} className="hint">
            {t('importing.formats.hint')}
          </span>
        </div>
      </DropZone>
      <ReadingAndPairFields form={form} />
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
    </>
  );
}

/** "Whole page" for a web page, and the bilingual pair with its translation file. */
function ReadingAndPairFields({ form }: { form: ImportForm }) {
  const { t } = useTranslation();
  const ids = { wholePage: useId(), wholePageHint: useId(), pair: useId(), translation: useId() };
  const { isPage, wholePage, setWholePage, pair, setPair, file, translationFile, setTranslationFile } = form;
  return (
    <>
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
    </>
  );
}

/** The language pair and the optional title. */
function LanguageAndTitleFields({ form }: { form: ImportForm }) {
  const { t } = useTranslation();
  const ids = { title: useId(), titleHint: useId() };
  return (
    <>
      <div className="field-row">
        <LanguageSelect label={t('import.sourceLang.label')} value={form.sourceLang} onChange={form.setSourceLang} />
        <LanguageSelect label={t('import.targetLang.label')} value={form.targetLang} onChange={form.setTargetLang} />
      </div>
      <div className="field">
        <label htmlFor={ids.title}>{t('import.title.label')}</label>
        <input
          id={ids.title}
          type="text"
          maxLength={500}
          value={form.title}
          aria-describedby={ids.titleHint}
          onChange={(e) => form.setTitle(e.target.value)}
        />
        <span id={ids.titleHint} className="hint">
          {t('import.title.hint')}
        </span>
      </div>
    </>
  );
}
