/** The workflow parts of a paragraph row: inline QA, the QA override form and the history panel. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paragraph } from '../../../shared/types.js';
import { useApi } from '../api/ApiProvider.js';
import { HistoryPanel } from './HistoryPanel.js';
import { OverrideForm, type SignOffGate } from './OverrideForm.js';
import { CommentThread } from './CommentThread.js';
import { useComments } from './CommentsContext.js';
import { ReviewDiffs } from './ReviewDiffs.js';
import { useReviewSignals } from './ReviewSignalsContext.js';
import { RowQa } from './RowQa.js';
import type { ParagraphUndo } from './useParagraphUndo.js';

export function RowWorkflow({
  paragraph,
  number,
  text,
  sourceLang,
  targetLang,
  dir,
  gate,
  onGateClosed,
  onParagraphs,
  onError,
  undo,
  isEditor,
}: {
  paragraph: Paragraph;
  number: number;
  /** The text in the box (typed, maybe not saved yet). */
  text: string;
  sourceLang: string;
  targetLang: string;
  dir: 'ltr' | 'rtl' | 'auto';
  /** Set when a sign-off was refused for QA errors: asks for a reason. */
  gate: SignOffGate | null;
  onGateClosed: () => void;
  onParagraphs: (paragraphs: Paragraph[]) => void;
  onError: (err: unknown) => void;
  undo: ParagraphUndo;
  /** Editors get the three-way diff (raw MT → translator's confirmed text → current text). */
  isEditor: boolean;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [showHistory, setShowHistory] = useState(false);
  const [showDiff, setShowDiff] = useState(false);
  const [showComments, setShowComments] = useState(false);
  const signals = useReviewSignals();
  const comments = useComments().byParagraph.get(paragraph.id) ?? [];
  const open = comments.filter((c) => c.resolved === null).length;
  const [busy, setBusy] = useState(false);

  async function override(reason: string): Promise<void> {
    setBusy(true);
    try {
      const result = await api.signOffReviewed({
        paragraphIds: [paragraph.id],
        overrides: [{ paragraphId: paragraph.id, reason }],
        review: signals.signalsFor([paragraph.id]),
      });
      onParagraphs(result.signedOff);
      onGateClosed();
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="row-workflow">
      <RowQa
        number={number}
        source={paragraph.source}
        target={text}
        sourceLang={sourceLang}
        targetLang={targetLang}
        mt={paragraph.mt}
        enabled={(text.trim() !== '' || paragraph.status !== 'new') && !paragraph.excluded}
      />
      {gate && <OverrideForm skipped={gate} busy={busy} onSubmit={(r) => void override(r)} onCancel={onGateClosed} />}
      <div className="row-workflow-toggles">
        {paragraph.mt && (
          <button
            type="button"
            className="button-quiet diff-toggle"
            aria-expanded={showDiff}
            onClick={() => {
              if (!showDiff) {
                signals.markDiffViewed(paragraph.id);
                api.reportDiffViewed({ paragraphId: paragraph.id }).catch(() => undefined);
              }
              setShowDiff((s) => !s);
            }}
          >
            {isEditor ? t('workflow.diff.showThreeWay') : t('workflow.diff.show')}
          </button>
        )}
        <button
          type="button"
          className="button-quiet comments-toggle"
          aria-expanded={showComments}
          onClick={() => setShowComments((s) => !s)}
        >
          {t('workflow.comments.toggle', { count: comments.length, open })}
        </button>
        <button type="button" className="button-quiet history-toggle" aria-expanded={showHistory} onClick={() => setShowHistory((s) => !s)}>
          {showHistory ? t('workflow.history.hide') : t('workflow.history.show')}
        </button>
      </div>
      {showComments && <CommentThread paragraphId={paragraph.id} number={number} comments={comments} />}
      {showDiff && paragraph.mt && <ReviewDiffs paragraph={paragraph} text={text} targetLang={targetLang} dir={dir} threeWay={isEditor} />}
      {showHistory && (
        <HistoryPanel
          paragraphId={paragraph.id}
          number={number}
          currentTarget={paragraph.target}
          updatedAt={paragraph.updatedAt}
          targetLang={targetLang}
          dir={dir}
          undo={undo}
          codes={paragraph.codes}
        />
      )}
    </div>
  );
}
