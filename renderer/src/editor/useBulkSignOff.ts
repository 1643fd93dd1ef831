/**
 * Bulk sign-off (editors): every confirmed paragraph, or every paragraph the find/filter bar shows
 * that is not signed off yet. Typed text is saved first; sign-offs faster than reading speed are
 * asked about (workflow/FastConfirmContext); the QA gate skips paragraphs with QA errors and the
 * view lists them (workflow/BulkSkipped). Focus goes to the first skipped paragraph's entry if any,
 * else the button, or the message saying what was done.
 */
import { useState, type RefObject } from 'react';
import type { DocumentDetail, Paragraph } from '../../../shared/types.js';
import type { FastSignOff, SkippedParagraph } from '../../../shared/features/workflowApi.js';
import { useApi } from '../api/ApiProvider.js';
import { canTakeFocus } from '../components/restoreFocus.js';
import { useFastConfirm } from '../workflow/FastConfirmContext.js';
import { fastCandidates } from '../workflow/fastCandidates.js';
import type { ReviewSignals } from '../workflow/reviewSignals.js';
import type { RowVisibility } from '../workflow/FindBar.js';
import type { EditorStatus } from './useEditorStatus.js';
import type { FocusTarget } from './useFocusRequest.js';

export interface BulkSignOffOptions {
  /** The document as it is now (after the rows' text was saved). */
  current: () => DocumentDetail | null;
  visibility: RowVisibility | null;
  flushAll: () => Promise<boolean>;
  reviewSignals: Pick<ReviewSignals, 'signalsFor'>;
  onParagraphs: (paragraphs: Paragraph[]) => void;
  ui: Pick<EditorStatus, 'startAction' | 'setBusy' | 'setAlert' | 'say'>;
  requestFocus: (target: FocusTarget) => void;
  refs: {
    button: RefObject<HTMLButtonElement | null>;
    status: RefObject<HTMLElement | null>;
    panels: RefObject<HTMLElement | null>;
  };
}

export interface BulkSignOff {
  signOffAll: (shown?: boolean) => Promise<void>;
  /** Paragraphs the last bulk sign-off skipped, and why. */
  skipped: SkippedParagraph[];
  /** Sign-offs faster than reading speed (the last bulk or row sign-off). */
  fast: FastSignOff[];
  setFast: (fast: FastSignOff[]) => void;
}

/** The paragraphs a bulk sign-off takes: confirmed ones, or (`shown`) those shown and not signed off. */
export function bulkSignOffIds(paragraphs: readonly Paragraph[], shown: boolean, visibility: RowVisibility | null): string[] {
  return paragraphs
    .filter((p) => !p.excluded && (shown ? p.status !== 'signed-off' && (!visibility || visibility.test(p)) : p.status === 'translated'))
    .map((p) => p.id);
}

export function useBulkSignOff(options: BulkSignOffOptions): BulkSignOff {
  const api = useApi();
  const confirmFast = useFastConfirm();
  const [skipped, setSkipped] = useState<SkippedParagraph[]>([]);
  const [fast, setFast] = useState<FastSignOff[]>([]);
  const { ui, refs } = options;

  /** Asks about fast sign-offs; false when the person said no. */
  function confirmSpeed(ids: string[], review: ReturnType<ReviewSignals['signalsFor']>): Promise<boolean> {
    const doc = options.current();
    const paragraphs = doc?.paragraphs ?? [];
    const at = new Map(paragraphs.map((p, i) => [p.id, i]));
    const candidates = ids.map((id) => {
      const index = at.get(id) ?? -1;
      return { id, number: index + 1, target: paragraphs[index]?.target ?? '' };
    });
    return confirmFast(fastCandidates(candidates, review, doc?.targetLang ?? 'en'));
  }

  async function signOffAll(shown = false): Promise<void> {
    ui.startAction('signOff');
    let anySkipped = false;
    try {
      await options.flushAll();
      const ids = bulkSignOffIds(options.current()?.paragraphs ?? [], shown, options.visibility);
      setSkipped([]);
      if (ids.length === 0) return;
      const review = options.reviewSignals.signalsFor(ids);
      if (!(await confirmSpeed(ids, review))) return;
      const result = await api.signOffReviewed({ paragraphIds: ids, review });
      options.onParagraphs(result.signedOff);
      setFast(result.fast);
      setSkipped(result.skipped);
      anySkipped = result.skipped.length > 0;
      const count = result.signedOff.length;
      ui.say((t) => t('editor.signOffAll.done', { count }));
    } catch (err) {
      ui.setAlert(err);
    } finally {
      ui.setBusy(null);
      options.requestFocus(() =>
        anySkipped
          ? refs.panels.current?.querySelector<HTMLElement>('.bulk-skipped button')
          : canTakeFocus(refs.button.current)
            ? refs.button.current
            : refs.status.current,
      );
    }
  }

  return { signOffAll, skipped, fast, setFast };
}
