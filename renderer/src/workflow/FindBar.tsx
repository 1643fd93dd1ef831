/**
 * Find (source/target, plain or regular expression, case option), filter rows (status, QA issue,
 * open comment, excluded), and replace in targets: with a preview and a confirmation per match
 * (each saved as an edit), or all at once with "Replace all" (case-preserving, one undo step:
 * useReplaceAll.tsx). Ctrl+F focuses the search box.
 */
import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { visibleTokens } from '../../../shared/inline/inlineCodes.js';
import { useTranslation } from 'react-i18next';
import { qaErrors } from '../../../shared/qa/runQa.js';
import { useParagraphQa } from './paragraphQa.js';
import { PARAGRAPH_STATUSES, type DocumentDetail, type Paragraph, type ParagraphStatus } from '../../../shared/types.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { statusKey } from '../editor/paragraphs.js';
import { useComments } from './CommentsContext.js';
import type { EditorOfParagraphs } from '../../../shared/features/workflowApi.js';
import { compile, findMatches, paragraphMatches, replaceMatch, type FindScope, type TextMatch } from './find.js';
import { useReplaceAll } from './useReplaceAll.js';
import { showControlsVisibly } from '../../../shared/textHygiene.js';

type RowFilter = 'all' | ParagraphStatus | 'qa' | 'qaErrors' | 'comments' | 'excluded' | `editor:${string}`;

export interface RowVisibility {
  test: (p: Paragraph) => boolean;
}

interface Candidate {
  paragraph: Paragraph;
  match: TextMatch;
  after: string;
}

const NO_EDITORS: EditorOfParagraphs[] = [];

export function FindBar({
  doc,
  onVisibility,
  flushAll,
  onParagraphs,
}: {
  doc: DocumentDetail;
  onVisibility: (v: RowVisibility | null) => void;
  flushAll: () => Promise<boolean>;
  onParagraphs: (paragraphs: Paragraph[]) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [options, setOptions] = useState<FindOptions>({ query: '', regex: false, caseSensitive: false, scope: 'both', filter: 'all' });
  const { query, regex, caseSensitive, scope, filter } = options;
  const [replacement, setReplacement] = useState('');
  const [previewing, setPreviewing] = useState(false);
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const { busy, replaceOne } = useReplaceOne(flushAll, onParagraphs, setError);

  const { filterTest, editors, editorsError } = useRowFilter(doc, filter);

  useCtrlFFocus(inputRef);

  const pattern = useMemo(() => compile({ query, regex, caseSensitive }), [query, regex, caseSensitive]);
  const invalid = pattern instanceof Error;

  const visible = useVisibility(pattern, scope, filterTest);
  useEffect(() => onVisibility(visible), [visible, onVisibility]);
  const shown = useShownCount(visible, doc.paragraphs);

  const replaceAllRef = useRef<HTMLButtonElement>(null);
  const replaceAll = useReplaceAll({
    doc,
    pattern: pattern instanceof RegExp && scope !== 'source' ? pattern : null,
    regex,
    caseSensitive,
    replacement,
    shown: visible ? visible.test : null,
    flushAll,
    onParagraphs,
    onError: setError,
  });
  async function undoReplaceAll(): Promise<void> {
    await replaceAll.undo();
    // The undo button goes away: focus moves to Replace all (or the search box), never to the page.
    (replaceAllRef.current ?? inputRef.current)?.focus();
  }

  const candidates = useCandidates({ previewing, pattern, scope, paragraphs: doc.paragraphs, filterTest, replacement, regex, skipped });

  return (
    <section className="find-bar" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t('workflow.find.heading')}
      </h2>
      <FindRow
        options={options}
        onChange={(patch) => {
          setOptions((o) => ({ ...o, ...patch }));
          if (patch.query !== undefined) setSkipped(new Set());
        }}
        invalid={invalid}
        editors={editors}
        inputRef={inputRef}
      />
      {invalid && (
        <p role="alert" className="alert">
          {t('workflow.find.invalid')}
        </p>
      )}
      <p role="status" className="meta">
        {visible ? t('workflow.find.shown', { shown, total: doc.paragraphs.length }) : ''}
      </p>
      {scope !== 'source' && pattern instanceof RegExp && (
        <ReplaceRow
          replacement={replacement}
          onReplacement={setReplacement}
          busy={busy}
          replaceAllRef={replaceAllRef}
          onReplaceAll={() => void replaceAll.run()}
          previewing={previewing}
          onPreview={() => setPreviewing((v) => !v)}
        />
      )}
      <ReplaceAllResult replaceAll={replaceAll} onUndo={() => void undoReplaceAll()} />
      {replaceAll.dialog}
      <ErrorAlert error={error ?? editorsError} />
      {previewing && pattern instanceof RegExp && (
        <ReplacePreview
          candidates={candidates}
          targetLang={doc.targetLang}
          busy={busy}
          onReplace={(c) => void replaceOne(c)}
          onSkip={(c) => setSkipped((s) => new Set([...s, `${c.paragraph.id}:${c.match.start}:${c.paragraph.target}`]))}
        />
      )}
    </section>
  );
}

/** Ctrl+F (Cmd+F) focuses the search box and selects its text. */
function useCtrlFFocus(inputRef: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    function onKey(e: KeyboardEvent): void {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [inputRef]);
}

/** The row filter's test (null: all rows), and who edited what (for "Edited by …"), refreshed as the document changes. */
function useRowFilter(doc: DocumentDetail, filter: RowFilter) {
  const api = useApi();
  const { byParagraph } = useComments();
  const lastChange = useMemo(() => doc.paragraphs.reduce((m, p) => (p.updatedAt > m ? p.updatedAt : m), ''), [doc.paragraphs]);
  const editorsQuery = useQuery({
    queryKey: queryKeys.documentPart(doc.id, 'editors', lastChange),
    queryFn: () => api.listEditors({ documentId: doc.id }),
    placeholderData: keepPreviousData,
  });
  const editors = editorsQuery.data ?? NO_EDITORS;

  // Cached per paragraph (workflow/paragraphQa): only paragraphs changed since are checked again.
  const qa = useParagraphQa(doc.sourceLang, doc.targetLang);
  const filterTest = useMemo((): ((p: Paragraph) => boolean) | null => {
    switch (filter) {
      case 'all':
        return null;
      case 'qa':
        return (p) => qa(p).length > 0;
      case 'qaErrors':
        return (p) => qaErrors(qa(p)).length > 0;
      case 'comments':
        return (p) => (byParagraph.get(p.id) ?? []).some((c) => c.resolved === null);
      case 'excluded':
        return (p) => p.excluded !== undefined;
      default: {
        if (filter.startsWith('editor:')) {
          const ids = new Set(editors.find((e) => `editor:${e.name}` === filter)?.paragraphIds ?? []);
          return (p) => ids.has(p.id);
        }
        return (p) => p.status === filter;
      }
    }
  }, [filter, byParagraph, editors, qa]);
  return { filterTest, editors, editorsError: editorsQuery.error };
}

/** Which rows show: those the search finds (in its scope) and the filter keeps; null: all. */
function useVisibility(
  pattern: RegExp | Error | null,
  scope: FindScope,
  filterTest: ((p: Paragraph) => boolean) | null,
): RowVisibility | null {
  return useMemo((): RowVisibility | null => {
    const findTest = pattern instanceof RegExp ? (p: Paragraph) => paragraphMatches(p, pattern, scope) : null;
    if (!findTest && !filterTest) return null;
    // Each paragraph object is tested once: after an edit only the edited paragraph is tested again.
    const known = new WeakMap<Paragraph, boolean>();
    return {
      test: (p: Paragraph) => {
        let result = known.get(p);
        if (result === undefined) {
          result = (!findTest || findTest(p)) && (!filterTest || filterTest(p));
          known.set(p, result);
        }
        return result;
      },
    };
  }, [pattern, scope, filterTest]);
}

function RowFilterSelect({
  value,
  onChange,
  editors,
}: {
  value: RowFilter;
  onChange: (filter: RowFilter) => void;
  editors: readonly EditorOfParagraphs[];
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field inline">
      <label htmlFor={id}>{t('workflow.find.filter')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as RowFilter)}>
        <option value="all">{t('workflow.find.filterAll')}</option>
        {PARAGRAPH_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`status.${statusKey(s)}`)}
          </option>
        ))}
        <option value="qa">{t('workflow.find.filterQa')}</option>
        <option value="qaErrors">{t('workflow.find.filterQaErrors')}</option>
        <option value="comments">{t('workflow.find.filterComments')}</option>
        <option value="excluded">{t('exclusion.filter')}</option>
        {editors.map((e) => (
          <option key={e.name} value={`editor:${e.name}`}>
            {t('workflow.find.filterEditedBy', { name: showControlsVisibly(e.name) })}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Up to 30 characters either side of a match; inline tokens (shared/inline) show as readable marks. */
function context(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 30);
  const to = Math.min(text.length, end + 30);
  return `${from > 0 ? '…' : ''}${visibleTokens(text.slice(from, to))}${to < text.length ? '…' : ''}`;
}

interface ReplacePreviewProps {
  candidates: readonly Candidate[];
  targetLang: string;
  busy: boolean;
  onReplace: (c: Candidate) => void;
  onSkip: (c: Candidate) => void;
}

/** Each match before and after replacing, with Replace (saved as an edit) and Skip. */
function ReplacePreview({ candidates, targetLang, busy, onReplace, onSkip }: ReplacePreviewProps) {
  const { t } = useTranslation();
  return (
    <ul className="replace-preview" aria-label={t('workflow.find.previewLabel')}>
      {candidates.length === 0 && <li className="muted">{t('workflow.find.noMatches')}</li>}
      {candidates.map((c) => (
        <li key={`${c.paragraph.id}:${c.match.start}`}>
          <p className="meta">{t('workflow.find.matchIn', { number: c.paragraph.index + 1 })}</p>
          <p lang={targetLang}>
            <del>{context(c.paragraph.target, c.match.start, c.match.end)}</del>
          </p>
          <p lang={targetLang}>
            <ins>
              {context(
                c.after,
                c.match.start,
                c.match.start + (c.after.length - c.paragraph.target.length) + (c.match.end - c.match.start),
              )}
            </ins>
          </p>
          <button type="button" disabled={busy} onClick={() => onReplace(c)}>
            {t('workflow.find.replaceOne', { number: c.paragraph.index + 1 })}
          </button>
          <button type="button" className="button-quiet" onClick={() => onSkip(c)}>
            {t('workflow.find.skip')}
          </button>
        </li>
      ))}
    </ul>
  );
}

interface FindOptions {
  query: string;
  regex: boolean;
  caseSensitive: boolean;
  scope: FindScope;
  filter: RowFilter;
}

interface FindRowProps {
  options: FindOptions;
  onChange: (patch: Partial<FindOptions>) => void;
  invalid: boolean;
  editors: readonly EditorOfParagraphs[];
  inputRef: RefObject<HTMLInputElement | null>;
}

/** The search box, its scope, regular expression and case options, and the row filter. */
function FindRow({ options, onChange, invalid, editors, inputRef }: FindRowProps) {
  const { t } = useTranslation();
  const ids = { query: useId(), scope: useId() };
  return (
    <div className="find-row">
      <div className="field inline">
        <label htmlFor={ids.query}>{t('workflow.find.query')}</label>
        <input
          id={ids.query}
          ref={inputRef}
          type="search"
          value={options.query}
          aria-invalid={invalid || undefined}
          onChange={(e) => onChange({ query: e.target.value })}
        />
      </div>
      <div className="field inline">
        <label htmlFor={ids.scope}>{t('workflow.find.scope')}</label>
        <select id={ids.scope} value={options.scope} onChange={(e) => onChange({ scope: e.target.value as FindScope })}>
          <option value="both">{t('workflow.find.scopeBoth')}</option>
          <option value="source">{t('workflow.find.scopeSource')}</option>
          <option value="target">{t('workflow.find.scopeTarget')}</option>
        </select>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={options.regex} onChange={(e) => onChange({ regex: e.target.checked })} /> {t('workflow.find.regex')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={options.caseSensitive} onChange={(e) => onChange({ caseSensitive: e.target.checked })} />{' '}
        {t('workflow.find.caseSensitive')}
      </label>
      <RowFilterSelect value={options.filter} onChange={(filter) => onChange({ filter })} editors={editors} />
    </div>
  );
}

/** The preview's matches in targets (of the rows the filter keeps), with their replaced text, less those skipped. */
function useCandidates(input: {
  previewing: boolean;
  pattern: RegExp | Error | null;
  scope: FindScope;
  paragraphs: readonly Paragraph[];
  filterTest: ((p: Paragraph) => boolean) | null;
  replacement: string;
  regex: boolean;
  skipped: ReadonlySet<string>;
}): Candidate[] {
  const { previewing, pattern, scope, paragraphs, filterTest, replacement, regex, skipped } = input;
  return useMemo((): Candidate[] => {
    if (!previewing || !(pattern instanceof RegExp) || scope === 'source') return [];
    return paragraphs
      .filter((p) => !filterTest || filterTest(p))
      .flatMap((p) =>
        findMatches(p.target, pattern).map((match) => ({
          paragraph: p,
          match,
          after: replaceMatch(p.target, match, pattern, replacement, regex),
        })),
      )
      .filter((c) => !skipped.has(`${c.paragraph.id}:${c.match.start}:${c.paragraph.target}`));
  }, [previewing, pattern, scope, paragraphs, filterTest, replacement, regex, skipped]);
}

/** Replaces one previewed match: pending edits are saved first, then the new target is saved as an edit. */
function useReplaceOne(
  flushAll: () => Promise<boolean>,
  onParagraphs: (paragraphs: Paragraph[]) => void,
  setError: (err: unknown) => void,
) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  async function replaceOne(c: Candidate): Promise<void> {
    setBusy(true);
    try {
      if (!(await flushAll())) return;
      const result = await api.updateParagraphTarget({ paragraphId: c.paragraph.id, target: c.after });
      onParagraphs([result.paragraph]);
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return { busy, replaceOne };
}

/** How many rows show (all when nothing narrows them). */
function useShownCount(visible: RowVisibility | null, paragraphs: readonly Paragraph[]): number {
  return useMemo(() => {
    if (!visible) return paragraphs.length;
    let n = 0;
    for (const p of paragraphs) if (visible.test(p)) n++;
    return n;
  }, [visible, paragraphs]);
}

interface ReplaceRowProps {
  replacement: string;
  onReplacement: (replacement: string) => void;
  busy: boolean;
  replaceAllRef: RefObject<HTMLButtonElement | null>;
  onReplaceAll: () => void;
  previewing: boolean;
  onPreview: () => void;
}

/** "Replace with", Replace all, and the preview's toggle. */
function ReplaceRow({ replacement, onReplacement, busy, replaceAllRef, onReplaceAll, previewing, onPreview }: ReplaceRowProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="find-row">
      <div className="field inline">
        <label htmlFor={id}>{t('workflow.find.replaceWith')}</label>
        <input id={id} type="text" value={replacement} onChange={(e) => onReplacement(e.target.value)} />
      </div>
      <button type="button" ref={replaceAllRef} className="button-primary" disabled={busy} onClick={onReplaceAll}>
        {t('replace.all')}
      </button>
      <button type="button" aria-expanded={previewing} onClick={onPreview}>
        {previewing ? t('workflow.find.hidePreview') : t('workflow.find.preview')}
      </button>
    </div>
  );
}

/** What Replace all did, and its undo while it can be undone. */
function ReplaceAllResult({ replaceAll, onUndo }: { replaceAll: ReturnType<typeof useReplaceAll>; onUndo: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="find-row replace-result">
      <p role="status" className="meta">
        {replaceAll.message ? replaceAll.message(t) : ''}
      </p>
      {replaceAll.batchId && (
        <button type="button" disabled={replaceAll.busy} onClick={onUndo}>
          {t('replace.undo')}
        </button>
      )}
    </div>
  );
}
