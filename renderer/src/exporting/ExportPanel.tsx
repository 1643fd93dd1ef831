/**
 * Export in the editor: choose the format and publish-ready or draft, export, and see what the
 * export noticed (footer-like paragraphs). The accessible names stay those of the walking skeleton
 * ("Export format", "Export mode", "Export").
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { EXPORT_FILE_FORMATS, type ExportFileFormat, type ExportWarning } from '../../../shared/features/exportingApi.js';
import type { ExportMode } from '../../../shared/types.js';
import { useApi } from '../api/ApiProvider.js';
import { usePlatform } from '../platform.js';
import { base64ToBytes } from './base64ToBytes.js';
import { ExcludedExportChoice } from './ExcludedExportChoice.js';

export function warningText(t: TFunction, w: ExportWarning): string {
  switch (w.code) {
    case 'FOOTER_LIKE_PARAGRAPH':
      return w.side === 'source'
        ? t('exporting.warning.footerLikeSource', { number: w.paragraph })
        : t('exporting.warning.footerLikeTarget', { number: w.paragraph });
    case 'FOOTER_ALREADY_PRESENT':
      return t('exporting.warning.footerPresent', { paragraphs: w.paragraphs.join(', ') });
  }
}

export function ExportPanel({
  documentId,
  hasExcluded = false,
  disabled,
  onStart,
  beforeExport,
  onDone,
  onError,
}: {
  documentId: string;
  /** The document has paragraphs excluded from translation: offer what to do with them. */
  hasExcluded?: boolean;
  disabled: boolean;
  /** Called first (e.g. to mark the view busy and clear old messages). */
  onStart: () => void;
  /** Saves pending edits first. */
  beforeExport: () => Promise<unknown>;
  /** A status message (already translated by the caller's `t`). */
  onDone: (render: (t: TFunction) => string) => void;
  onError: (err: unknown) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const platform = usePlatform();
  const ids = { format: useId(), mode: useId(), hint: useId(), warnings: useId() };
  const [format, setFormat] = useState<ExportFileFormat>('txt');
  const [mode, setMode] = useState<ExportMode>('publish');
  const [warnings, setWarnings] = useState<ExportWarning[]>([]);

  async function run(): Promise<void> {
    onStart();
    setWarnings([]);
    try {
      await beforeExport();
      const result = await api.exportFile({ documentId, format, mode });
      platform.saveFile({
        fileName: result.fileName,
        mimeType: result.mimeType,
        content: result.encoding === 'utf8' ? result.content : '',
        ...(result.encoding === 'base64' ? { bytes: base64ToBytes(result.content) } : {}),
      });
      setWarnings(result.warnings);
      const fileName = result.fileName;
      onDone((tt) => tt('exporting.done', { fileName }));
    } catch (err) {
      onError(err);
    }
  }

  return (
    <div className="toolbar-group export">
      <div className="field inline">
        <label htmlFor={ids.format}>{t('editor.export.formatLabel')}</label>
        <select
          id={ids.format}
          value={format}
          onChange={(e) => {
            const f = EXPORT_FILE_FORMATS.find((x) => x === e.target.value);
            if (f) setFormat(f);
          }}
        >
          {EXPORT_FILE_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`exporting.format.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field inline">
        <label htmlFor={ids.mode}>{t('editor.export.modeLabel')}</label>
        <select
          id={ids.mode}
          value={mode}
          aria-describedby={ids.hint}
          onChange={(e) => setMode(e.target.value === 'draft' ? 'draft' : 'publish')}
        >
          <option value="publish">{t('editor.export.publish')}</option>
          <option value="draft">{t('editor.export.draft')}</option>
        </select>
      </div>
      {hasExcluded && <ExcludedExportChoice documentId={documentId} onError={onError} />}
      <button type="button" disabled={disabled} onClick={() => void run()}>
        {t('editor.export.action')}
      </button>
      <span id={ids.hint} className="visually-hidden">
        {t('exporting.modeHint')}
      </span>
      {warnings.length > 0 && (
        <div role="status" aria-labelledby={ids.warnings} className="notice export-warnings">
          <p id={ids.warnings}>{t('exporting.warnings')}</p>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>{warningText(t, w)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
