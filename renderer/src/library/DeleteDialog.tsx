/**
 * "Delete …?" as a modal alertdialog: says what goes (paragraphs, sign-offs) and that the deletion
 * is recorded. Focus starts on Cancel (the safe answer), stays inside the dialog (Tab), and Escape
 * cancels. When the current profile may not delete (sign-offs, not an editor; a team document, a
 * team translator: the service decides and enforces it), the dialog says so and offers only Cancel.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeletionCheck, LibraryItem } from '../../../shared/features/libraryApi.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { showControlsVisibly } from '../../../shared/textHygiene.js';

export function DeleteDialog({ item, onClose }: { item: LibraryItem; onClose: (deleted: boolean) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = { heading: useId(), body: useId() };
  const dialogRef = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [actionError, setError] = useState<unknown>(null);
  const checkQuery = useQuery({
    // Not under the library's key: the library read again after this deletion does not ask again.
    queryKey: queryKeys.deletionCheck(item.id),
    queryFn: () => api.checkDocumentDeletion({ documentId: item.id }),
  });
  const check: DeletionCheck | null = checkQuery.data ?? null;
  const error = actionError ?? checkQuery.error;
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    cancelRef.current?.focus();
  }, [item.id]);

  async function confirm(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await api.deleteDocument({ documentId: item.id });
      onClose(true);
    } catch (err) {
      setError(err);
      setBusy(false);
      cancelRef.current?.focus();
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose(false);
      return;
    }
    if (e.key !== 'Tab') return;
    // Focus stays in the dialog: Tab and Shift+Tab cycle through its enabled buttons.
    const buttons = [...(dialogRef.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    if (buttons.length === 0) return;
    e.preventDefault();
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = e.shiftKey ? (at <= 0 ? buttons.length - 1 : at - 1) : (at + 1) % buttons.length;
    buttons[next]!.focus();
  }

  return (
    <div className="dialog-backdrop">
      <div
        ref={dialogRef}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={ids.heading}
        aria-describedby={ids.body}
        className="dialog delete-dialog"
        onKeyDown={onKeyDown}
      >
        <h2 id={ids.heading}>{t('library.delete.heading', { title: showControlsVisibly(item.title) })}</h2>
        <div id={ids.body}>
          {check === null && error === null && <p className="muted">{t('library.delete.checking')}</p>}
          {check !== null && (
            <>
              <p>{t('library.delete.body', { count: check.paragraphCount, signedOff: check.signedOffCount })}</p>
              {check.refusal === null && <p>{t('library.delete.record')}</p>}
              {check.refusal === 'signOffs' && <p className="notice">{t('library.delete.forbidden', { count: check.signOffCount })}</p>}
              {check.refusal === 'team' && <p className="notice">{t('library.delete.teamForbidden')}</p>}
            </>
          )}
        </div>
        <ErrorAlert error={error} />
        <div className="dialog-actions">
          {check?.allowed && (
            <button type="button" className="button-danger" disabled={busy} onClick={() => void confirm()}>
              {t('library.delete.confirm')}
            </button>
          )}
          <button type="button" ref={cancelRef} onClick={() => onClose(false)}>
            {t('library.delete.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
