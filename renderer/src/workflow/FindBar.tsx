/**
 * Find (source/target, plain or regular expression, case option), filter rows (status, QA issue,
 * open comment, excluded), and replace in targets: with a preview and a confirmation per match
 * (each saved as an edit), or all at once with "Replace all" (case-preserving, one undo step:
 * useReplaceAll.tsx). Ctrl+F focuses the search box.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
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
  const api = useApi();
  const ids = { query: useId(), scope: useId(), filter: useId(), replace: useId(), heading: useId() };
  const inputRef = useRef<HTMLInputElement>(null);
  const { byParagraph } = useComments();
  const [query, setQuery] = useState('');
  const [regex, setRegex] = useState(false);
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [scope, setScope] = useState<FindScope>('both');
  const [filter, setFilter] = useState<RowFilter>('all');
  const [replacement, setReplacement] = useState('');
  const [previewing, setPreviewing] = useState(false);
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // Who edited what; refreshed as the document changes.
  const lastChange = useMemo(() => doc.paragraphs.reduce((m, p) => (p.updatedAt > m ? p.updatedAt : m), ''), [doc.paragraphs]);
  const editorsQuery = useQuery({
    queryKey: queryKeys.documentPart(doc.id, 'editors', lastChange),
    queryFn: () => api.listEditors({ documentId: doc.id }),
    placeholderData: keepPreviousData,
  });
  const editors = editorsQuery.data ?? NO_EDITORS;

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
  }, []);

  const pattern = useMemo(() => compile({ query, regex, caseSensitive }), [query, regex, caseSensitive]);
  const invalid = pattern instanceof Error;

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

  const visible = useMemo((): RowVisibility | null => {
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

  useEffect(() => onVisibility(visible), [visible, onVisibility]);

  const shown = useMemo(() => {
    if (!visible) return doc.paragraphs.length;
    let n = 0;
    for (const p of doc.paragraphs) if (visible.test(p)) n++;
    return n;
  }, [visible, doc.paragraphs]);

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

  const candidates = useMemo((): Candidate[] => {
    if (!previewing || !(pattern instanceof RegExp) || scope === 'source') return [];
    return doc.paragraphs
      .filter((p) => !filterTest || filterTest(p))
      .flatMap((p) =>
        findMatches(p.target, pattern).map((match) => ({
          paragraph: p,
          match,
          after: replaceMatch(p.target, match, pattern, replacement, regex),
        })),
      )
      .filter((c) => !skipped.has(`${c.paragraph.id}:${c.match.start}:${c.paragraph.target}`));
  }, [previewing, pattern, scope, doc.paragraphs, filterTest, replacement, regex, skipped]);

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

  const context = (text: string, start: number, end: number) => {
    const from = Math.max(0, start - 30);
    const to = Math.min(text.length, end + 30);
    // Inline tokens (shared/inline) show as readable marks.
    return `${from > 0 ? '…' : ''}${visibleTokens(text.slice(from, to))}${to < text.length ? '…' : ''}`;
  };

  return (
    <section className="find-bar" aria-labelledby={ids.heading}>
      <h2 id={ids.heading} className="visually-hidden">
        {t('workflow.find.heading')}
      </h2>
      <div className="find-row">
        <div className="field inline">
          <label htmlFor={ids.query}>{t('workflow.find.query')}</label>
          <input
            id={ids.query}
            ref={inputRef}
            type="search"
            value={query}
            aria-invalid={invalid || undefined}
            onChange={(e) => {
              setQuery(e.target.value);
              setSkipped(new Set());
            }}
          />
        </div>
        <div className="field inline">
          <label htmlFor={ids.scope}>{t('workflow.find.scope')}</label>
          <select id={ids.scope} value={scope} onChange={(e) => setScope(e.target.value as FindScope)}>
            <option value="both">{t('workflow.find.scopeBoth')}</option>
            <option value="source">{t('workflow.find.scopeSource')}</option>
            <option value="target">{t('workflow.find.scopeTarget')}</option>
          </select>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} /> {t('workflow.find.regex')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={caseSensitive} onChange={(e) => setCaseSensitive(e.target.checked)} />{' '}
          {t('workflow.find.caseSensitive')}
        </label>
        <div className="field inline">
          <label htmlFor={ids.filter}>{t('workflow.find.filter')}</label>
          <select id={ids.filter} value={filter} onChange={(e) => setFilter(e.target.value as RowFilter)}>
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
      </div>
      {invalid && (
        <p role="alert" className="alert">
          {t('workflow.find.invalid')}
        </p>
      )}
      <p role="status" className="meta">
        {visible ? t('workflow.find.shown', { shown, total: doc.paragraphs.length }) : ''}
      </p>
      {scope !== 'source' && pattern instanceof RegExp && (
        <div className="find-row">
          <div className="field inline">
            <label htmlFor={ids.replace}>{t('workflow.find.replaceWith')}</label>
            <input id={ids.replace} type="text" value={replacement} onChange={(e) => setReplacement(e.target.value)} />
          </div>
          <button type="button" ref={replaceAllRef} className="button-primary" disabled={busy} onClick={() => void replaceAll.run()}>
            {t('replace.all')}
          </button>
          <button type="button" aria-expanded={previewing} onClick={() => setPreviewing((v) => !v)}>
            {previewing ? t('workflow.find.hidePreview') : t('workflow.find.preview')}
          </button>
        </div>
      )}
      <div className="find-row replace-result">
        <p role="status" className="meta">
          {replaceAll.message ? replaceAll.message(t) : ''}
        </p>
        {replaceAll.batchId && (
          <button type="button" disabled={replaceAll.busy} onClick={() => void undoReplaceAll()}>
            {t('replace.undo')}
          </button>
        )}
      </div>
      {replaceAll.dialog}
      <ErrorAlert error={error ?? editorsQuery.error} />
      {previewing && pattern instanceof RegExp && (
        <ul className="replace-preview" aria-label={t('workflow.find.previewLabel')}>
          {candidates.length === 0 && <li className="muted">{t('workflow.find.noMatches')}</li>}
          {candidates.map((c) => (
            <li key={`${c.paragraph.id}:${c.match.start}`}>
              <p className="meta">{t('workflow.find.matchIn', { number: c.paragraph.index + 1 })}</p>
              <p lang={doc.targetLang}>
                <del>{context(c.paragraph.target, c.match.start, c.match.end)}</del>
              </p>
              <p lang={doc.targetLang}>
                <ins>
                  {context(
                    c.after,
                    c.match.start,
                    c.match.start + (c.after.length - c.paragraph.target.length) + (c.match.end - c.match.start),
                  )}
                </ins>
              </p>
              <button type="button" disabled={busy} onClick={() => void replaceOne(c)}>
                {t('workflow.find.replaceOne', { number: c.paragraph.index + 1 })}
              </button>
              <button
                type="button"
                className="button-quiet"
                onClick={() => setSkipped((s) => new Set([...s, `${c.paragraph.id}:${c.match.start}:${c.paragraph.target}`]))}
              >
                {t('workflow.find.skip')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
