/** Editor-wide shortcuts: Alt+↑/↓ between paragraphs, F7 to the next QA issue, `?` for the help overlay. */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { DocumentDetail } from '../../../shared/types.js';
import { documentIssues } from './DocumentQa.js';
import { isTypingTarget, nextMatching } from './shortcuts.js';
import { useExtraQaChecks } from '../glossary/GlossaryContext.js';

/** The paragraph id of the row holding `el` (rows carry `data-paragraph-id`). */
function paragraphIdOf(el: Element | null): string | null {
  return el?.closest('[data-paragraph-id]')?.getAttribute('data-paragraph-id') ?? null;
}

/** `focusRow` returns false for a paragraph whose row is not shown (filtered out); it is skipped. */
export function useEditorShortcuts(doc: DocumentDetail | null, focusRow: (id: string) => boolean, onNoQa: () => void) {
  const [helpOpen, setHelpOpen] = useState(false);
  const ids = useMemo(() => (doc ? doc.paragraphs.map((p) => p.id) : []), [doc]);
  const extraChecks = useExtraQaChecks();
  const withIssues = useMemo(() => new Set(doc ? documentIssues(doc, extraChecks).map((p) => p.paragraphId) : []), [doc, extraChecks]);
  const live = useRef({ ids, withIssues, focusRow, onNoQa });
  live.current = { ids, withIssues, focusRow, onNoQa };

  useEffect(() => {
    function onKey(e: KeyboardEvent): void {
      if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTypingTarget(e.target)) {
        e.preventDefault();
        setHelpOpen(true);
        return;
      }
      if (e.key === 'F7' && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        const { ids: all, withIssues: set } = live.current;
        const next = nextMatching(all, paragraphIdOf(document.activeElement), (id) => set.has(id) && live.current.focusRow(id));
        if (!next) live.current.onNoQa();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  /** For the paragraph table: Alt+↑ / Alt+↓ move to the previous / next paragraph. */
  const onTableKeyDown = useCallback((e: ReactKeyboardEvent) => {
    if (!e.altKey || e.ctrlKey || e.metaKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    const current = paragraphIdOf(e.target as Element);
    const all = live.current.ids;
    const step = e.key === 'ArrowUp' ? -1 : 1;
    e.preventDefault();
    for (let i = (current === null ? -1 : all.indexOf(current)) + step; i >= 0 && i < all.length; i += step) {
      if (live.current.focusRow(all[i]!)) return;
    }
  }, []);

  return { helpOpen, setHelpOpen, onTableKeyDown };
}
