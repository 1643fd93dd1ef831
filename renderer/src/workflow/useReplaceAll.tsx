/**
 * Replace all in the find bar (issue 11): every match in the translations of the paragraphs the
 * bar shows (excluded paragraphs left alone), case-preserving (replaceAll.ts), saved as one batch
 * (one revision per paragraph) that "Undo replace all" takes back in one go. Signed-off
 * paragraphs it would change are counted and the user is asked first: changing them withdraws
 * their sign-off, as an edit does.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { TargetReplacement } from '../../../shared/features/replaceContract.js';
import type { DocumentDetail, Paragraph } from '../../../shared/types.js';
import { useApi } from '../api/ApiProvider.js';
import { replaceAllIn } from './replaceAll.js';
import { useConfirmDialog } from './useConfirmDialog.js';
import { loadParagraphs } from '../editor/loadParagraphs.js';

type Message = (t: TFunction) => string;

export interface ReplaceAllInput {
  doc: DocumentDetail;
  pattern: RegExp | null;
  regex: boolean;
  caseSensitive: boolean;
  replacement: string;
  /** The find/filter bar's test of a shown paragraph. */
  shown: ((p: Paragraph) => boolean) | null;
  flushAll: () => Promise<boolean>;
  onParagraphs: (paragraphs: Paragraph[]) => void;
  onError: (err: unknown) => void;
}

export interface ReplaceAll {
  run(): Promise<void>;
  undo(): Promise<void>;
  message: Message | null;
  /** The last Replace all, while it can be undone. */
  batchId: string | null;
  busy: boolean;
  dialog: ReactNode;
}

export function useReplaceAll(input: ReplaceAllInput): ReplaceAll {
  const { doc, pattern, regex, caseSensitive, replacement, shown, flushAll, onParagraphs, onError } = input;
  const { t } = useTranslation();
  const api = useApi();
  const { ask, dialog } = useConfirmDialog();
  const [message, setMessage] = useState<Message | null>(null);
  const [batchId, setBatchId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One at a time (the Replace all button stays enabled, so it keeps the focus through the question).
  const running = useRef(false);

  const run = useCallback(async () => {
    if (!pattern || running.current) return;
    running.current = true;
    setBusy(true);
    try {
      if (!(await flushAll())) return;
      // The stored texts (a save may just have landed), for the paragraphs the bar shows now.
      const ids = new Set(doc.paragraphs.filter((p) => !shown || shown(p)).map((p) => p.id));
      // Page by page (a long document in one reply would block the page while it is parsed).
      const stored = (await loadParagraphs(api, doc.id)) ?? (await api.getDocument({ documentId: doc.id })).paragraphs;
      const fresh = stored.filter((p) => ids.has(p.id) && !p.excluded);
      const changes: (TargetReplacement & { paragraph: Paragraph })[] = [];
      let skipped = 0;
      for (const p of fresh) {
        const result = replaceAllIn(p.target, pattern, replacement, { regex, caseSensitive, lang: doc.targetLang });
        skipped += result.skipped;
        if (result.count > 0 && result.text !== p.target) {
          changes.push({ paragraphId: p.id, before: p.target, after: result.text, occurrences: result.count, paragraph: p });
        }
      }
      const occurrences = changes.reduce((n, c) => n + c.occurrences, 0);
      const paragraphs = changes.length;
      if (paragraphs === 0) {
        setMessage(() => (tt: TFunction) => tt('replace.none'));
        return;
      }
      const signed = changes.filter((c) => c.paragraph.status === 'signed-off').map((c) => c.paragraph.index + 1);
      if (signed.length > 0) {
        const ok = await ask({
          heading: t('replace.confirm.heading'),
          text: t('replace.confirm.text', {
            count: signed.length,
            signed: signed.join(', '),
            occurrences: t('replace.confirm.occurrences', { count: occurrences }),
            paragraphs: t('replace.paragraphs', { count: paragraphs }),
          }),
          yes: t('replace.confirm.yes'),
          no: t('replace.confirm.no'),
        });
        if (!ok) return;
      }
      const result = await api.replaceAllInTargets({
        documentId: doc.id,
        changes: changes.map(({ paragraphId, before, after, occurrences: n }) => ({ paragraphId, before, after, occurrences: n })),
        ...(signed.length > 0 ? { withdrawSignOffs: true } : {}),
      });
      onParagraphs(result.paragraphs);
      setBatchId(result.batchId);
      const withdrawn = result.signOffsWithdrawn;
      setMessage(
        () => (tt: TFunction) =>
          [
            tt('replace.done', { count: result.occurrences, paragraphs: tt('replace.paragraphs', { count: result.paragraphs.length }) }),
            withdrawn.length > 0 ? tt('replace.withdrawn', { count: withdrawn.length, paragraphs: withdrawn.join(', ') }) : '',
            skipped > 0 ? tt('replace.skippedTokens', { count: skipped }) : '',
          ]
            .filter(Boolean)
            .join(' '),
      );
    } catch (err) {
      onError(err);
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, [api, ask, caseSensitive, doc, flushAll, onError, onParagraphs, pattern, regex, replacement, shown, t]);

  const undo = useCallback(async () => {
    if (!batchId || running.current) return;
    running.current = true;
    setBusy(true);
    try {
      if (!(await flushAll())) return;
      const result = await api.undoReplaceAll({ batchId });
      onParagraphs(result.paragraphs);
      setBatchId(null);
      setMessage(
        () => (tt: TFunction) =>
          [
            tt('replace.undone', { count: result.undone }),
            result.kept.length > 0 ? tt('replace.kept', { paragraphs: result.kept.join(', ') }) : '',
          ]
            .filter(Boolean)
            .join(' '),
      );
    } catch (err) {
      onError(err);
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, [api, batchId, flushAll, onError, onParagraphs]);

  return { run, undo, message, batchId, busy, dialog };
}
