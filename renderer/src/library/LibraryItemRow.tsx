/**
 * One article of the library: its title (opens it), languages, paragraphs by status, import date
 * (and file) and last change, with Rename and Delete. The buttons' names are exactly "Rename" and
 * "Delete"; the title is their description (aria-describedby).
 */
import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryItem } from '../../../shared/features/libraryApi.js';
import { RenameForm } from './RenameForm.js';
import { SafeText } from '../components/SafeText.js';

export interface LibraryItemRowProps {
  item: LibraryItem;
  /** Names a language in the interface language (one namer for the whole list). */
  languageName: (tag: string) => string;
  /** Formats a timestamp in the interface language. */
  dateTime: (iso: string) => string;
  renaming: boolean;
  /** Issue 16: what this member is assigned to do on it in the team, if anything. */
  assignedAs?: 'translator' | 'editor' | null;
  onOpen: (id: string) => void;
  onRename: (id: string | null, renamed?: LibraryItem) => void;
  onDelete: (item: LibraryItem) => void;
  /** Registers the row's buttons, so focus can come back to them after a dialog or a rename. */
  registerButton: (key: string, element: HTMLButtonElement | null) => void;
}

function LibraryItemRowImpl({
  item,
  languageName,
  dateTime,
  renaming,
  assignedAs = null,
  onOpen,
  onRename,
  onDelete,
  registerButton,
}: LibraryItemRowProps) {
  const { t } = useTranslation();
  const titleId = useId();

  return (
    <li className="document-item">
      <div className="document-main">
        {renaming ? (
          <RenameForm item={item} onDone={(renamed) => onRename(null, renamed ?? undefined)} />
        ) : (
          <button
            type="button"
            id={titleId}
            className="document-open"
            lang={item.sourceLang}
            dir="auto"
            ref={(el) => registerButton(`open:${item.id}`, el)}
            onClick={() => onOpen(item.id)}
          >
            <SafeText text={item.title} />
          </button>
        )}
        <p className="document-meta">
          {assignedAs && <span className="status-badge assigned-badge">{t(`team.assigned.${assignedAs}`)}</span>}
          <span className="document-languages">
            {t('library.item.languages', { source: languageName(item.sourceLang), target: languageName(item.targetLang) })}
          </span>
          <span className="document-progress">
            {t('library.item.progress', {
              done: item.counts.find((c) => c.key === 'signed-off')?.count ?? 0,
              // Excluded paragraphs are done as they are (as in the editor's progress).
              total: item.paragraphCount - (item.counts.find((c) => c.key === 'excluded')?.count ?? 0),
            })}
          </span>
          <span>
            {item.fileName
              ? t('library.item.importedFile', { date: dateTime(item.importedAt), fileName: item.fileName })
              : t('library.item.imported', { date: dateTime(item.importedAt) })}
          </span>
          <span>{t('library.item.changed', { date: dateTime(item.changedAt) })}</span>
        </p>
        <ul className="status-counts" aria-label={t('library.count.label')}>
          {/* "Excluded" only when there are some: most articles have none. */}
          {item.counts
            .filter((c) => c.key !== 'excluded' || c.count > 0)
            .map((c) => (
              <li key={c.key} className={`status-count status-${c.key}${c.count === 0 ? ' zero' : ''}`}>
                <span className="status-count-label">{t(`library.count.${c.key}`)}</span>{' '}
                <span className="status-count-value">{c.count}</span>
              </li>
            ))}
        </ul>
      </div>
      {!renaming && (
        <div className="document-actions">
          <button
            type="button"
            aria-describedby={titleId}
            ref={(el) => registerButton(`rename:${item.id}`, el)}
            onClick={() => onRename(item.id)}
          >
            {t('library.rename.action')}
          </button>
          <button
            type="button"
            className="button-danger"
            aria-describedby={titleId}
            aria-haspopup="dialog"
            ref={(el) => registerButton(`delete:${item.id}`, el)}
            onClick={() => onDelete(item)}
          >
            {t('library.delete.action')}
          </button>
        </div>
      )}
    </li>
  );
}

export const LibraryItemRow = memo(LibraryItemRowImpl);
