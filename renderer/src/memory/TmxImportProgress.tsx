/** A running TMX import (issue 17): units read, a progress bar over the file's bytes, and Cancel. */
import { useTranslation } from 'react-i18next';
import type { TmxImportView } from './useTmxImport.js';

export function TmxImportProgress({ view, onCancel }: { view: Exclude<TmxImportView, { phase: 'idle' }>; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const number = (n: number): string => n.toLocaleString(i18n.language);
  const [done, total] = view.phase === 'uploading' ? [view.sent, view.total] : [view.status.bytesRead, view.status.bytesTotal];
  const percent = total > 0 ? Math.floor((100 * done) / total) : 0;
  const text =
    view.phase === 'uploading'
      ? t('memory.settings.uploading', { fileName: view.fileName, percent })
      : view.status.phase === 'reading'
        ? t('memory.settings.readingOf', { fileName: view.status.fileName, units: number(view.status.units), percent })
        : t('memory.settings.publishing', { units: number(view.status.units) });
  return (
    <div className="tmx-import-progress">
      <progress aria-label={t('memory.settings.progress')} max={Math.max(total, 1)} value={done} />
      <p className="meta" aria-live="polite">
        {text}
      </p>
      <button type="button" onClick={onCancel} disabled={view.phase === 'importing' && view.status.phase !== 'reading'}>
        {t('memory.settings.cancel')}
      </button>
    </div>
  );
}
