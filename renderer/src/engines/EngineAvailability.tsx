/** Which engines cannot translate the document's pair, and why (not installed, not set up, pair missing…). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ERROR_CODES, type ErrorCode } from '../../../shared/types.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';

function isErrorCode(value: string | null): value is ErrorCode {
  return value !== null && (ERROR_CODES as readonly string[]).includes(value);
}

export function EngineAvailability({
  sourceLang,
  targetLang,
  refreshKey = 0,
}: {
  sourceLang: string;
  targetLang: string;
  refreshKey?: number;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const query = useQuery({
    queryKey: queryKeys.engineChoices(sourceLang, targetLang, refreshKey),
    queryFn: () => api.getEngineChoices({ sourceLang, targetLang }),
    // Asked again (`refreshKey`): the list shown stays until the answer comes.
    placeholderData: keepPreviousData,
  });
  // Not known (yet, or reading failed): nothing is listed.
  const engines = query.data?.engines;

  const unavailable = (engines ?? []).filter((e) => isErrorCode(e.unavailableReason));
  if (unavailable.length === 0) return null;
  return (
    <details className="engine-availability">
      <summary>{t('engines.editor.unavailableHeading')}</summary>
      <ul className="meta">
        {unavailable.map((e) => (
          <li key={e.id}>
            {t('engines.editor.unavailableItem', {
              engine: e.name,
              reason: t(`errors.${e.unavailableReason as ErrorCode}`, { count: 1, engine: e.name }),
            })}
          </li>
        ))}
      </ul>
    </details>
  );
}
