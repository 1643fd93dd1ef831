/**
 * The paragraphs (an F6 region): the find/filter bar and the virtualized list of rows, inside what
 * the rows share (review signals, comments, paragraphs a re-import reopened).
 */
import { useMemo, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { languageInfoOrBase } from '../../../shared/languages.js';
import type { DocumentDetail, Paragraph } from '../../../shared/types.js';
import type { FastSignOff } from '../../../shared/features/workflowApi.js';
import { ReopenedProvider } from '../importing/ReopenedContext.js';
import { CommentsProvider } from '../workflow/CommentsContext.js';
import { FindBar, type RowVisibility } from '../workflow/FindBar.js';
import { ReviewSignalsProvider } from '../workflow/ReviewSignalsContext.js';
import type { ReviewSignals } from '../workflow/reviewSignals.js';
import { ParagraphList, type ParagraphListHandle } from './ParagraphList.js';
import { ParagraphRow } from './ParagraphRow.js';
import { REGION_ATTRIBUTE, focusRegion } from './regions.js';
import type { RowRegistry } from './useRowRegistry.js';

export interface EditorParagraphsProps {
  doc: DocumentDetail;
  isEditor: boolean;
  reviewSignals: ReviewSignals;
  visibility: RowVisibility | null;
  onVisibility: (visibility: RowVisibility | null) => void;
  rows: RowRegistry;
  listRef: RefObject<ParagraphListHandle | null>;
  engineNames: ReadonlyMap<string, string>;
  onSaved: (paragraph: Paragraph, signOffWithdrawn: boolean, number: number) => void;
  onParagraphs: (paragraphs: Paragraph[]) => void;
  onFastSignOffs: (fast: FastSignOff[]) => void;
  onFocusNext: (paragraphId: string) => void;
  onTableKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
  stickyTop: number;
  ids: { list: string; heading: string; shortcut: string };
}

/** Positions of the paragraphs the find/filter bar shows (null: all). */
function useShownPositions(paragraphs: readonly Paragraph[], visibility: RowVisibility | null): number[] | null {
  return useMemo(() => {
    if (!visibility) return null;
    const out: number[] = [];
    paragraphs.forEach((p, i) => {
      if (visibility.test(p)) out.push(i);
    });
    return out;
  }, [paragraphs, visibility]);
}

export function EditorParagraphs(props: EditorParagraphsProps) {
  const { t } = useTranslation();
  const { doc, rows, listRef, ids } = props;
  const shown = useShownPositions(doc.paragraphs, props.visibility);
  const focusList = (): boolean => listRef.current?.focusCurrent() ?? false;
  return (
    <ReviewSignalsProvider signals={props.reviewSignals}>
      <CommentsProvider documentId={doc.id}>
        <ReopenedProvider documentId={doc.id}>
          <FindBar doc={doc} onVisibility={props.onVisibility} flushAll={rows.flushAll} onParagraphs={props.onParagraphs} />
          <section
            id={ids.list}
            className="paragraph-list"
            aria-label={t('navigation.regions.paragraphs')}
            {...{ [REGION_ATTRIBUTE]: 'paragraphs' }}
          >
            <ParagraphList
              ref={listRef}
              paragraphs={doc.paragraphs}
              shown={shown}
              getRow={rows.getRow}
              label={t('editor.table.label')}
              describedBy={ids.shortcut}
              onKeyDown={props.onTableKeyDown}
              stickyTop={props.stickyTop}
              renderRow={(p, number, rowIndex) => <Row {...props} paragraph={p} number={number} rowIndex={rowIndex} />}
            />
            <a
              href={`#${ids.heading}`}
              className="list-skip"
              onClick={(e) => {
                e.preventDefault();
                focusRegion(document, 'toolbar', focusList);
              }}
            >
              {t('navigation.skip.toToolbar')}
            </a>
          </section>
        </ReopenedProvider>
      </CommentsProvider>
    </ReviewSignalsProvider>
  );
}

function Row(props: EditorParagraphsProps & { paragraph: Paragraph; number: number; rowIndex: number }) {
  const { doc, paragraph: p } = props;
  const dir = languageInfoOrBase(doc.targetLang)?.dir ?? 'auto';
  return (
    <ParagraphRow
      paragraph={p}
      number={props.number}
      rowIndex={props.rowIndex}
      sourceLang={doc.sourceLang}
      targetLang={doc.targetLang}
      dir={dir}
      isEditor={props.isEditor}
      engineName={p.mt ? (props.engineNames.get(p.mt.engineId) ?? p.mt.engineId) : null}
      onSaved={props.onSaved}
      onParagraphs={props.onParagraphs}
      onFocusNext={props.onFocusNext}
      register={props.rows.register}
      onFastSignOffs={props.onFastSignOffs}
    />
  );
}
