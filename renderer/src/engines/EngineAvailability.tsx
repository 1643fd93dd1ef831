/** Which engines cannot translate the document's pair, and why (not installed, not set up, pair missing…). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineChoice } from '../../../shared/features/enginesApi.js';
import { ERROR_CODES, type ErrorCode } from '../../../shared/types.js';
import { useApi } from '../api/ApiProvider.js';

function isErrorCode(value: string | null): value is ErrorCode {
  return value !== null && (ERROR_CODES as readonly string[]).includes(value);
}

export function EngineAvailability({ sourceLang, targetLang, refreshKey = 0 }: { sourceLang: string; targetLang: string; refreshKey?: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const [engines, setEngines] = useState<EngineChoice[] | null>(null);

  useEffect(() => {
    let live = true;
    api.getEngineChoices({ sourceLang, targetLang }).then(
      (choices) => live && setEngines(choices.engines),
      () => live && setEngines([]),
    );
    return () => {
      live = false;
    };
  }, [api, sourceLang, targetLang, refreshKey]);

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
