/**
 * The library: every imported article with its languages, paragraphs by status, import date and
 * last change; search, sort, rename, delete (with confirmation) and the deletion record.
 * The list comes from `listLibrary` (counts computed by the database; renderer/src/library/).
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIBRARY_SORTS, type LibraryItem, type LibrarySort } from '../../../shared/features/libraryApi.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useFocusOnMount } from '../components/useFocusOnMount.js';
import { DeleteDialog } from '../library/DeleteDialog.js';
import { DeletionRecord } from '../library/DeletionRecord.js';
import { LibraryItemRow } from '../library/LibraryItemRow.js';
import { useLibrary } from '../library/useLibrary.js';
import { useDateTime } from '../library/useDateTime.js';
import { useLanguageName } from '../i18n/useLanguageName.js';
import { LibraryCheckNotice } from '../signatures/LibraryCheckNotice.js';
import { showControlsVisibly } from '../../../shared/textHygiene.js';
import { useAssignedToMe } from '../team/useAssignedToMe.js';
import { OpenPackageControl } from '../team/ReviewPackage.js';

type Message = { kind: 'renamed' | 'deleted'; title: string } | null;

export function LibraryView({
  onOpen,
  onImport,
  onSettings,
  onGlossary,
}: {
  onOpen: (documentId: string) => void;
  onImport: () => void;
  onSettings: () => void;
  /** Opens the glossary screen (absent: no button). */
  onGlossary?: () => void;
}) {
  const { t } = useTranslation();
  const ids = { heading: useId(), search: useId(), searchHint: useId(), sort: useId(), assigned: useId() };
  const headingRef = useRef<HTMLHeadingElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  useFocusOnMount(headingRef);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<LibrarySort>('changed');
  const library = useLibrary(query, sort);
  const languageName = useLanguageName();
  const dateTime = useDateTime();
  // Issue 16: in a team, the documents assigned to me (marked, and a filter).
  const assigned = useAssignedToMe();
  const [onlyAssigned, setOnlyAssigned] = useState(false);
  const { patch, reload } = library;
  const items = useMemo(
    () => (onlyAssigned && assigned && library.items ? library.items.filter((i) => assigned.has(i.id)) : library.items),
    [onlyAssigned, assigned, library.items],
  );
  const [renaming, setRenaming] = useState<string | null>(null);
  const renamingRef = useRef<string | null>(null);
  const [deleting, setDeleting] = useState<LibraryItem | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [deletions, setDeletions] = useState(0);

  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const registerButton = useCallback((key: string, element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(key, element);
    else buttons.current.delete(key);
  }, []);
  /** Focus to move once the list has rendered (a button of a row, by key). */
  const [focusKey, setFocusKey] = useState<string | null>(null);
  useEffect(() => {
    if (focusKey === null) return;
    const target = buttons.current.get(focusKey);
    if (target) {
      target.focus();
      setFocusKey(null);
    }
  }, [focusKey, items, renaming]);

  const onRename = useCallback(
    (id: string | null, renamed?: LibraryItem) => {
      if (id !== null) {
        renamingRef.current = id;
        setRenaming(id);
        setMessage(null);
        return;
      }
      const current = renamingRef.current;
      renamingRef.current = null;
      setRenaming(null);
      if (current !== null) setFocusKey(`rename:${current}`);
      if (renamed) {
        patch(renamed.id, renamed);
        setMessage({ kind: 'renamed', title: renamed.title });
        reload();
      }
    },
    [patch, reload],
  );

  const onDelete = useCallback((item: LibraryItem) => {
    setMessage(null);
    setDeleting(item);
  }, []);

  function closeDelete(deleted: boolean): void {
    const item = deleting;
    setDeleting(null);
    if (!item) return;
    if (!deleted) {
      setFocusKey(`delete:${item.id}`);
      return;
    }
    // Focus goes to the next article (or the one before, or the search box when none is left).
    const list = items ?? [];
    const at = list.findIndex((i) => i.id === item.id);
    const neighbour = list[at + 1] ?? list[at - 1];
    if (neighbour) setFocusKey(`open:${neighbour.id}`);
    else searchRef.current?.focus();
    patch(item.id, null);
    setMessage({ kind: 'deleted', title: item.title });
    setDeletions((n) => n + 1);
    reload();
  }

  const filtered = library.shownQuery !== '';
  return (
    <section className="view library" aria-labelledby={ids.heading}>
      <div className="view-header">
        <h1 id={ids.heading} ref={headingRef} tabIndex={-1}>
          {t('library.heading')}
        </h1>
        <div className="actions">
          <button type="button" className="button-primary" onClick={onImport}>
            {t('library.actions.import')}
          </button>
          <button type="button" onClick={onSettings}>
            {t('library.actions.settings')}
          </button>
          {onGlossary && (
            <button type="button" onClick={onGlossary}>
              {t('glossary.open')}
            </button>
          )}
        </div>
        <OpenPackageControl onOpened={() => reload()} />
      </div>
      <div className="library-tools">
        <div role="search" className="field library-search">
          <label htmlFor={ids.search}>{t('library.search.label')}</label>
          <input
            id={ids.search}
            ref={searchRef}
            type="text"
            value={query}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={ids.searchHint}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && query !== '') {
                e.preventDefault();
                setQuery('');
              }
            }}
          />
          <span id={ids.searchHint} className="hint">
            {t('library.search.hint')}
          </span>
        </div>
        <div className="field library-sort">
          <label htmlFor={ids.sort}>{t('library.sort.label')}</label>
          <select
            id={ids.sort}
            value={sort}
            onChange={(e) => {
              const next = LIBRARY_SORTS.find((s) => s === e.target.value);
              if (next) setSort(next);
            }}
          >
            {LIBRARY_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`library.sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {assigned && (
          <div className="field library-assigned">
            <input id={ids.assigned} type="checkbox" checked={onlyAssigned} onChange={(e) => setOnlyAssigned(e.target.checked)} />
            <label htmlFor={ids.assigned}>{t('team.assigned.filter')}</label>
          </div>
        )}
      </div>
      <ErrorAlert error={library.error} />
      <LibraryCheckNotice />
      <p role="status" className="status-line">
        {message
          ? t(message.kind === 'renamed' ? 'library.rename.done' : 'library.delete.done', { title: showControlsVisibly(message.title) })
          : ''}
      </p>
      <p role="status" className="library-results">
        {items !== null && filtered
          ? items.length === 0
            ? t('library.search.none', { query: library.shownQuery })
            : t('library.search.results', { count: items.length, query: library.shownQuery })
          : ''}
      </p>
      {items === null && library.error === null && <p className="muted">{t('app.loading')}</p>}
      {items !== null && items.length === 0 && !filtered && !onlyAssigned && <p className="empty">{t('library.list.empty')}</p>}
      {items !== null && items.length > 0 && (
        <ul className="document-list" aria-label={t('library.list.label')}>
          {items.map((item) => (
            <LibraryItemRow
              key={item.id}
              item={item}
              languageName={languageName}
              dateTime={dateTime}
              renaming={renaming === item.id}
              assignedAs={assigned?.get(item.id) ?? null}
              onOpen={onOpen}
              onRename={onRename}
              onDelete={onDelete}
              registerButton={registerButton}
            />
          ))}
        </ul>
      )}
      <DeletionRecord version={deletions} />
      {deleting && <DeleteDialog item={deleting} onClose={closeDelete} />}
    </section>
  );
}
