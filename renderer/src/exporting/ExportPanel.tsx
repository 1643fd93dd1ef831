/**
 * Export in the editor: choose the format and publish-ready or draft, export, and see where the
 * file went (the browser's downloads, or the folder chosen in the desktop app, with "Show in
 * folder") and what the export noticed (footer-like paragraphs). A footer whose settings are empty
 * names each of them and links to Settings → Publication. The accessible names stay those of the
 * walking skeleton ("Export format", "Export mode", "Export").
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  EXPORT_FILE_FORMATS,
  FOOTER_SETTING_FIELDS,
  type ExportFileFormat,
  type ExportWarning,
  type FooterSettingField,
} from '../../../shared/features/exportingApi.js';
import type { ExportMode } from '../../../shared/types.js';
import { useApi } from '../api/ApiProvider.js';
import { usePlatform, type SaveOutcome } from '../platform.js';
import { toApiError } from '../i18n/formatError.js';
import { detailsOf } from '../../../shared/errorDetails.js';
import { AppLink } from '../routing/AppLink.js';
import { base64ToBytes } from './base64ToBytes.js';
import { ExcludedExportChoice } from './ExcludedExportChoice.js';
import { UnknownOriginNotice } from '../provenance/UnknownOriginNotice.js';

/** A sentence saying where the exported file went. */
export function savedText(t: TFunction, outcome: SaveOutcome): string {
  switch (outcome.kind) {
    case 'downloaded':
      return t('exporting.done', { fileName: outcome.fileName });
    case 'saved':
      return t('exporting.savedTo', { fileName: outcome.fileName, folder: outcome.folder });
    case 'cancelled':
      return t('exporting.cancelled');
  }
}

/** The empty footer settings an EXPORT_SETTINGS_MISSING error names, or null for any other error. */
function missingSettings(err: unknown): FooterSettingField[] | null {
  const error = toApiError(err);
  if (error.code !== 'EXPORT_SETTINGS_MISSING') return null;
  const fields = detailsOf(error, 'EXPORT_SETTINGS_MISSING')?.fields ?? [];
  const named = FOOTER_SETTING_FIELDS.filter((f) => fields.includes(f));
  return named.length > 0 ? named : [...FOOTER_SETTING_FIELDS];
}

function SettingsMissing({ fields }: { fields: readonly FooterSettingField[] }) {
  const { t, i18n } = useTranslation();
  const names = fields.map((f) => t(`exporting.settingsMissing.${f}`));
  let list: string;
  try {
    list = new Intl.ListFormat(i18n.resolvedLanguage ?? 'en', { type: 'conjunction' }).format(names);
  } catch {
    list = names.join(', ');
  }
  return (
    <div role="alert" className="alert export-settings-missing">
      <p>{t('exporting.settingsMissing.text', { count: fields.length, fields: list })}</p>
      <p>
        <AppLink to={{ name: 'settings', section: 'publication' }}>{t('exporting.settingsMissing.link')}</AppLink>
      </p>
    </div>
  );
}

export function warningText(t: TFunction, w: ExportWarning): string {
  switch (w.code) {
    case 'FOOTER_LIKE_PARAGRAPH':
      return w.side === 'source'
        ? t('exporting.warning.footerLikeSource', { number: w.paragraph })
        : t('exporting.warning.footerLikeTarget', { number: w.paragraph });
    case 'FOOTER_ALREADY_PRESENT':
      return t('exporting.warning.footerPresent', { paragraphs: w.paragraphs.join(', ') });
    case 'FOOTER_OMITTED':
      return w.policy === 'never'
        ? t('exporting.warning.footerOmittedNever', { name: w.decidedBy ?? t('exporting.warning.unrecorded'), reason: w.reason ?? '—' })
        : t('exporting.warning.footerOmittedNoMt');
    case 'FOOTER_TEMPLATE_CUSTOM':
      return t('exporting.warning.footerCustom', { lang: w.lang, hash: w.sha256.slice(0, 12) });
    case 'TMX_SIGNED_OFF_ONLY':
      return t('exporting.warning.tmxSignedOffOnly', { units: w.units, paragraphs: w.paragraphs });
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
  const [savedPath, setSavedPath] = useState<string | null>(null);
  const [missing, setMissing] = useState<FooterSettingField[] | null>(null);

  /** `cat`: "Export for another CAT tool" (XLIFF 1.2 whose targets copy the sources; a draft, never gated). */
  async function run(cat = false): Promise<void> {
    onStart();
    setWarnings([]);
    setSavedPath(null);
    setMissing(null);
    try {
      await beforeExport();
      const result = await api.exportFile(cat ? { documentId, format: 'xliff12cat', mode: 'draft' } : { documentId, format, mode });
      const outcome = await platform.saveFile({
        fileName: result.fileName,
        mimeType: result.mimeType,
        content: result.encoding === 'utf8' ? result.content : '',
        ...(result.encoding === 'base64' ? { bytes: base64ToBytes(result.content) } : {}),
      });
      if (outcome.kind !== 'cancelled') setWarnings(result.warnings);
      if (outcome.kind === 'saved') setSavedPath(outcome.path);
      onDone((tt) => savedText(tt, outcome));
    } catch (err) {
      const fields = missingSettings(err);
      setMissing(fields);
      // That one is shown here, with its link to the settings.
      onError(fields === null ? err : null);
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
          {EXPORT_FILE_FORMATS.filter((f) => f !== 'xliff12cat').map((f) => (
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
      <UnknownOriginNotice documentId={documentId} onError={onError} />
      <button type="button" disabled={disabled} onClick={() => void run()}>
        {t('editor.export.action')}
      </button>
      <button type="button" disabled={disabled} title={t('exporting.cat.hint')} onClick={() => void run(true)}>
        {t('exporting.cat.action')}
      </button>
      {savedPath !== null && platform.showInFolder && (
        <button type="button" className="button-quiet" onClick={() => void platform.showInFolder?.(savedPath)}>
          {t('exporting.showInFolder')}
        </button>
      )}
      {missing !== null && <SettingsMissing fields={missing} />}
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
