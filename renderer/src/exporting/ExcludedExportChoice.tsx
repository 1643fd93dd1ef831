/**
 * In the export panel, while a document has excluded paragraphs: leave them out of publish-ready
 * exports, or keep their source text. Stored with the document (setExclusionSettings).
 */
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EXCLUDED_EXPORT_CHOICES, type ExcludedExport, type ExclusionSettings } from '../../../shared/features/exclusionApi.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { useLatest } from '../components/useLatest.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';

export function ExcludedExportChoice({ documentId, onError }: { documentId: string; onError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = { select: useId(), hint: useId() };
  const onErrorRef = useLatest(onError);

  const queryClient = useQueryClient();
  const key = queryKeys.documentPart(documentId, 'exclusionSettings');
  const query = useQuery({ queryKey: key, queryFn: () => api.getExclusionSettings({ documentId }) });
  const choice: ExcludedExport | null = query.data?.excludedExport ?? null;
  // Shown at once, then as stored (or back as it was when storing failed).
  const setChoice = (excludedExport: ExcludedExport | null): void => {
    queryClient.setQueryData<ExclusionSettings>(key, (s) => (s && excludedExport !== null ? { ...s, excludedExport } : s));
  };
  useEffect(() => {
    if (query.error) onErrorRef.current(query.error);
  }, [query.error, onErrorRef]);

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
