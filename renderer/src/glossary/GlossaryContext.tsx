/**
 * The glossary of the open document (its language pair's terms), loaded once per editor, and the
 * QA check built from it, which the live QA (row, document list, filter, F7) runs beside the
 * built-in checks, as the sign-off gate in main does.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { GlossaryTerm } from '../../../shared/glossary/types.js';
import { glossaryQaCheck } from '../../../shared/glossary/qaCheck.js';
import { TermIndex } from '../../../shared/glossary/termIndex.js';
import type { QaCheck } from '../../../shared/qa/types.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';

interface DocumentGlossary {
  terms: readonly GlossaryTerm[];
  /** The terms indexed by first word (a paragraph is matched against a few of thousands). */
  index: TermIndex<GlossaryTerm>;
  qaChecks: readonly QaCheck[];
}

const NONE: DocumentGlossary = { terms: [], index: new TermIndex<GlossaryTerm>([]), qaChecks: [] };
const GlossaryContext = createContext<DocumentGlossary>(NONE);
const NO_TERMS: readonly GlossaryTerm[] = [];

export function DocumentGlossaryProvider({ documentId, children }: { documentId: string; children: ReactNode }) {
  const api = useApi();
  const query = useQuery({
    queryKey: queryKeys.documentGlossary(documentId),
    queryFn: () => api.listDocumentGlossary({ documentId }),
  });
  // Without its glossary the editor still works (the gate in main checks the terms anyway).
  const terms = query.data ?? NO_TERMS;
  const value = useMemo(() => {
    if (terms.length === 0) return NONE;
    const index = new TermIndex(terms);
    return { terms, index, qaChecks: [glossaryQaCheck(terms, index)] };
  }, [terms]);
  return <GlossaryContext.Provider value={value}>{children}</GlossaryContext.Provider>;
}

/** The document's terms, indexed for matching (`index.matches(text, lang)`). */
export function useGlossaryIndex(): TermIndex<GlossaryTerm> {
  return useContext(GlossaryContext).index;
}

/** QA checks features add to the built-in ones (the glossary's). */
export function useExtraQaChecks(): readonly QaCheck[] {
  return useContext(GlossaryContext).qaChecks;
}
