/**
 * The glossary screen's server state (TanStack Query): the language pair shown (at first the first
 * pair that has terms), that pair's terms, and the runner of its changes (busy, error, status).
 */
import { useState, type Dispatch, type SetStateAction } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { GlossaryTerm } from '../../../shared/features/glossaryApi.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';

export interface GlossaryPair {
  sourceLang: string;
  targetLang: string;
}

/** A status line, worded when drawn (so it follows the interface language). */
export type Message = ((t: TFunction) => string) | null;

const START: GlossaryPair = { sourceLang: 'en', targetLang: 'es' };

/**
 * The pair shown: en → es until the list of pairs with terms arrives, then the first of them (once).
 * The same pair arriving keeps the same state, so the terms already drawn stay (no blank redraw).
 */
export function useGlossaryPair(): [GlossaryPair, Dispatch<SetStateAction<GlossaryPair>>] {
  const api = useApi();
  const pairs = useQuery({ queryKey: queryKeys.glossaryPairs(), queryFn: () => api.listGlossaryPairs({}) });
  const [pair, setPair] = useState(START);
  const [adopted, setAdopted] = useState(false);
  if (!adopted && pairs.data) {
    setAdopted(true);
    const first = pairs.data[0];
    if (first && (first.sourceLang !== pair.sourceLang || first.targetLang !== pair.targetLang)) {
      setPair({ sourceLang: first.sourceLang, targetLang: first.targetLang });
    }
  }
  return [pair, setPair];
}

/** The pair's terms (null while they load; none for a one-language pair), their load error, and a refresh. */
export function useGlossaryTerms(pair: GlossaryPair): {
  terms: readonly GlossaryTerm[] | null;
  error: unknown;
  refresh: () => Promise<void>;
} {
  const api = useApi();
  const queryClient = useQueryClient();
  const { sourceLang, targetLang } = pair;
  const onePair = sourceLang === targetLang;
  const queryKey = queryKeys.glossaryTerms(sourceLang, targetLang);
  const query = useQuery({ queryKey, queryFn: () => api.listGlossaryTerms({ sourceLang, targetLang }), enabled: !onePair });
  return {
    terms: onePair ? [] : (query.data ?? null),
    error: onePair ? null : query.error,
    refresh: () => queryClient.invalidateQueries({ queryKey }),
  };
}

/** Runs one change at a time: busy while it runs, its error or its status after, then the terms read again. */
export function useGlossaryRunner(refresh: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<Message>(null);

  async function run(action: () => Promise<Message>): Promise<void> {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const message = await action();
      setStatus(() => message);
      await refresh();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const say = (message: Message) => setStatus(() => message);
  return { busy, error, status, run, say, setError };
}

export type GlossaryRun = (action: () => Promise<Message>) => Promise<void>;
