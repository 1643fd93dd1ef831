/** Editor-wide shortcuts: Alt+↑/↓ between paragraphs, F7 to the next QA issue, `?` for the help overlay. */
import { useCallback, useEffect, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { DocumentDetail, Paragraph } from '../../../shared/types.js';
import { isTypingTarget, nextMatching } from './shortcuts.js';
import { useParagraphQa } from './paragraphQa.js';
import { useLatest } from '../components/useLatest.js';

/** The paragraph id of the row holding `el` (rows carry `data-paragraph-id`). */
function paragraphIdOf(el: Element | null): string | null {
  return el?.closest('[data-paragraph-id]')?.getAttribute('data-paragraph-id') ?? null;
}

const NO_PARAGRAPHS: readonly Paragraph[] = [];

/** `focusRow` returns false for a paragraph whose row is not shown (filtered out); it is skipped. */
export function useEditorShortcuts(doc: DocumentDetail | null, focusRow: (id: string) => boolean, onNoQa: () => void) {
  const [helpOpen, setHelpOpen] = useState(false);
  const paragraphs = doc?.paragraphs ?? NO_PARAGRAPHS;
  // Checked as F7 walks (each paragraph once, cached), not for the whole document up front.
  const qa = useParagraphQa(doc?.sourceLang ?? '', doc?.targetLang ?? '');
  const live = useLatest({ paragraphs, qa, focusRow, onNoQa });

  useEffect(() => {
    function onKey(e: KeyboardEvent): void {
      if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTypingTarget(e.target)) {
        e.preventDefault();
        setHelpOpen(true);
        return;
      }
      if (e.key === 'F7' && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        const { paragraphs: list, qa: issuesOf } = live.current;
        const byId = new Map(list.map((p) => [p.id, p]));
        const hasIssues = (id: string) => issuesOf(byId.get(id)!).length > 0;
        const next = nextMatching(
          list.map((p) => p.id),
          paragraphIdOf(document.activeElement),
          (id) => hasIssues(id) && live.current.focusRow(id),
        );
        if (!next) live.current.onNoQa();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [live]);

  /** For the paragraph table: Alt+↑ / Alt+↓ move to the previous / next paragraph. */
  const onTableKeyDown = useCallback(
    (e: ReactKeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
      const current = paragraphIdOf(e.target as Element);
      const all = live.current.paragraphs.map((p) => p.id);
      const step = e.key === 'ArrowUp' ? -1 : 1;
      e.preventDefault();
      for (let i = (current === null ? -1 : all.indexOf(current)) + step; i >= 0 && i < all.length; i += step) {
        if (live.current.focusRow(all[i]!)) return;
      }
    },
    [live],
  );

  return { helpOpen, setHelpOpen, onTableKeyDown };
}
