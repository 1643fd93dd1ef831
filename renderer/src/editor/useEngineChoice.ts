/** The engines for the document's pair (a query), those that can translate it, and the one chosen. */
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { EngineInfo, ErrorCode } from '../../../shared/types.js';
import { ERROR_CODES } from '../../../shared/types.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { supportsPair } from './paragraphs.js';

function isErrorCode(value: string | null): value is ErrorCode {
  return value !== null && (ERROR_CODES as readonly string[]).includes(value);
}

export interface EngineChoice {
  /** Null while the list is being read; empty when reading it failed. */
  engines: EngineInfo[] | null;
  engineError: unknown;
  /** The engines that can translate the pair here. */
  usable: EngineInfo[];
  engineId: string;
  setEngineId: (id: string) => void;
  engineNames: ReadonlyMap<string, string>;
  /** No engine can translate the pair: why each one cannot (those that say). */
  noEngine: boolean;
  reasons: { id: string; name: string; code: ErrorCode }[];
}

const NO_ENGINES: EngineInfo[] = [];

export function useEngineChoice(sourceLang: string | null, targetLang: string | null): EngineChoice {
  const api = useApi();
  const query = useQuery({
    queryKey: queryKeys.engines(sourceLang ?? '', targetLang ?? ''),
    queryFn: () => api.listEngines({ sourceLang: sourceLang ?? '', targetLang: targetLang ?? '' }),
    enabled: sourceLang !== null && targetLang !== null,
  });
  const engines = query.isError ? NO_ENGINES : (query.data ?? null);
  const usable = useMemo(
    () => (engines && sourceLang && targetLang ? engines.filter((e) => supportsPair(e, sourceLang, targetLang)) : []),
    [engines, sourceLang, targetLang],
  );
  const engineNames = useMemo(() => new Map((engines ?? []).map((e) => [e.id, e.name])), [engines]);
  // The first engine that can translate the pair, until the person picks another.
  const [picked, setEngineId] = useState<string | null>(null);
  const engineId = picked ?? usable[0]?.id ?? '';
  const noEngine = engines !== null && usable.length === 0;
  const reasons = noEngine
    ? engines
        .filter((e) => isErrorCode(e.unavailableReason))
        .map((e) => ({ id: e.id, name: e.name, code: e.unavailableReason as ErrorCode }))
    : [];
  return { engines, engineError: query.error, usable, engineId, setEngineId, engineNames, noEngine, reasons };
}
