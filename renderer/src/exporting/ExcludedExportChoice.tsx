/**
 * In the export panel, while a document has excluded paragraphs: leave them out of publish-ready
 * exports, or keep their source text. Stored with the document (setExclusionSettings).
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXCLUDED_EXPORT_CHOICES, type ExcludedExport } from '../../../shared/features/exclusionApi.js';
import { useApi } from '../api/ApiProvider.js';
import { useLatest } from '../components/useLatest.js';

export function ExcludedExportChoice({ documentId, onError }: { documentId: string; onError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = { select: useId(), hint: useId() };
  const [choice, setChoice] = useState<ExcludedExport | null>(null);
  const onErrorRef = useLatest(onError);

  useEffect(() => {
    let live = true;
    api.getExclusionSettings({ documentId }).then(
      (s) => live && setChoice(s.excludedExport),
      (err: unknown) => live && onErrorRef.current(err),
    );
    return () => {
      live = false;
    };
  }, [api, documentId, onErrorRef]);

  async function change(value: ExcludedExport): Promise<void> {
    const before = choice;
    setChoice(value);
    try {
      setChoice((await api.setExclusionSettings({ documentId, excludedExport: value })).excludedExport);
    } catch (err) {
      setChoice(before);
      onError(err);
    }
  }

  return (
    <div className="field inline">
      <label htmlFor={ids.select}>{t('exclusion.export.label')}</label>
      <select
        id={ids.select}
        aria-describedby={ids.hint}
        value={choice ?? 'omit'}
        disabled={choice === null}
        onChange={(e) => {
          const found = EXCLUDED_EXPORT_CHOICES.find((c) => c === e.target.value);
          if (found) void change(found);
        }}
      >
        {EXCLUDED_EXPORT_CHOICES.map((c) => (
          <option key={c} value={c}>
            {t(`exclusion.export.${c}`)}
          </option>
        ))}
      </select>
      <span id={ids.hint} className="visually-hidden">
        {t('exclusion.export.hint')}
      </span>
    </div>
  );
}
