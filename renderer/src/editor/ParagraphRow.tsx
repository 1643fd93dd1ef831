/**
 * One paragraph of the editor: source, editable translation (autosaved), status and actions.
 * The typed text lives here (editor/useRowText), so a keystroke re-renders this row only; the
 * editor hears about a paragraph only when the server has accepted a change. The row's actions
 * (confirm, sign off, undo, TM) are editor/useRowActions.
 */
import { memo, useId, useLayoutEffect, useRef, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paragraph } from '../../../shared/types.js';
import { LIMITS } from '../../../shared/limits.js';
import { useFormatError } from '../i18n/formatError.js';
import { statusKey } from './paragraphs.js';
import type { FastSignOff } from '../../../shared/features/workflowApi.js';
import { RowWorkflow } from '../workflow/RowWorkflow.js';
import { useEditEffort } from '../workflow/useEditEffort.js';
import { ExclusionBadge, ExclusionToggle } from '../workflow/ExclusionControls.js';
import { MtProvenance, RetranslateButton } from '../engines/MtProvenance.js';
import { ReopenedSource } from '../importing/ReopenedSource.js';
import { SourceText } from '../glossary/SourceText.js';
import { TokenEditor } from '../inline/TokenEditor.js';
import { TmMatches } from '../memory/TmMatches.js';
import { setActiveParagraph } from '../memory/activeParagraph.js';
import { placeLabel } from '../importing/ImportReport.js';
import { useRowText, type RowHandle, type RowText } from './useRowText.js';
import { isConfirmable, useRowActions, type RowActions } from './useRowActions.js';
import type { TeamConflictView } from '../../../shared/features/teamApi.js';
import { useParagraphConflict } from '../team/useParagraphConflict.js';
import { ConflictMarker, ConflictPanel } from '../team/ConflictPanel.js';

export { AUTOSAVE_DELAY_MS, type RowHandle } from './useRowText.js';

const NO_WORDS: readonly string[] = [];

export interface ParagraphRowProps {
  paragraph: Paragraph;
  /** 1-based position shown to people. */
  number: number;
  sourceLang: string;
  targetLang: string;
  dir: 'ltr' | 'rtl' | 'auto';
  isEditor: boolean;
  engineName: string | null;
  onSaved: (paragraph: Paragraph, signOffWithdrawn: boolean, number: number) => void;
  onParagraphs: (paragraphs: Paragraph[]) => void;
  onFocusNext: (paragraphId: string) => void;
  register: (paragraphId: string, handle: RowHandle) => () => void;
  /** Sign-offs faster than a plausible reading speed (workflow). */
  onFastSignOffs?: (fast: FastSignOff[]) => void;
  /** 1-based position of the row in the (virtualized, maybe filtered) table, for `aria-rowindex`. */
  rowIndex?: number;
}

/** What the cells share: the props, the row's text and actions, and the translation box. */
interface RowParts {
  props: ParagraphRowProps;
  row: RowText;
  actions: RowActions;
  boxRef: MutableRefObject<HTMLElement | null>;
  sourceId: string;
  /** The text shown in the translation box. */
  text: string;
  /** The paragraph's team conflict (issue 16), if any. */
  conflict: TeamConflictView | null;
}

function ParagraphRowImpl(props: ParagraphRowProps) {
  const { paragraph } = props;
  const sourceId = useId();
  const propsRef = useRef(props);
  useLayoutEffect(() => {
    propsRef.current = props;
  });
  const onSaved = useRef((p: Paragraph, withdrawn: boolean) => propsRef.current.onSaved(p, withdrawn, propsRef.current.number));
  const boxRef = useRef<HTMLElement | null>(null);
  const row = useRowText({ paragraph, onSaved, register: props.register, box: boxRef });
  const effort = useEditEffort(paragraph.id);
  const actions = useRowActions(paragraph.id, props, row, propsRef);
  const conflict = useParagraphConflict(paragraph.documentId, paragraph.id);
  const parts: RowParts = { props, row, actions, boxRef, sourceId, text: row.draft ?? paragraph.target, conflict };
  const { rowError } = row;
  return (
    <div
      role="row"
      aria-rowindex={props.rowIndex}
      data-paragraph-id={paragraph.id}
      className={`paragraph-row status-${paragraph.status}${rowError ? ' has-error' : ''}${paragraph.excluded ? ' is-excluded' : ''}${conflict ? ' has-conflict' : ''}`}
    >
      <div role="cell" className="cell-number">
        {props.number}
      </div>
      <SourceCell {...parts} />
      <TargetCell
        {...parts}
        onText={(value) => {
          effort.onInput();
          row.onText(value);
        }}
        onBlur={() => {
          effort.flush();
          row.onBlur();
        }}
      />
      <StatusCell {...parts} />
      <ActionsCell {...parts} />
    </div>
  );
}

export const ParagraphRow = memo(ParagraphRowImpl);

function SourceCell({ props, sourceId }: RowParts) {
  const { t } = useTranslation();
  const { paragraph, sourceLang, targetLang, dir } = props;
  let kindLabel: string | null = null;
  if (paragraph.kind === 'heading') kindLabel = t('editor.row.kindHeading', { level: paragraph.marker ?? '' });
  else if (paragraph.kind === 'list-item') kindLabel = t('editor.row.kindListItem');
  else if (paragraph.kind === 'quote') kindLabel = t('editor.row.kindQuote');
  return (
    <div role="cell" className="cell-source">
      {kindLabel && <span className="kind-badge">{kindLabel}</span>}
      {paragraph.place && <span className="kind-badge place-badge">{placeLabel(paragraph.place, t)}</span>}
      <SourceText
        id={sourceId}
        className={`source-text kind-${paragraph.kind}`}
        lang={sourceLang}
        text={paragraph.source}
        codes={paragraph.codes}
        unknownWords={paragraph.mt?.unknownWords ?? NO_WORDS}
      />
      <ReopenedSource paragraph={paragraph} sourceLang={sourceLang} targetLang={targetLang} dir={dir} />
    </div>
  );
}

function TargetCell(parts: RowParts & { onText: (value: string) => void; onBlur: () => void }) {
  const { t } = useTranslation();
  const formatError = useFormatError();
  const { props, row, actions, boxRef, text } = parts;
  const { paragraph, number, sourceLang, targetLang, dir } = props;
  const { rowError } = row;
  return (
    <div role="cell" className="cell-target">
      <TranslationBox {...parts} />
      {parts.conflict && <ConflictPanel conflict={parts.conflict} number={number} text={text} targetLang={targetLang} dir={dir} />}
      {rowError && (
        <p role="alert" className="alert row-alert">
          {rowError.kind === 'save' ? t('editor.row.saveFailed', { error: formatError(rowError.error) }) : formatError(rowError.error)}
        </p>
      )}
      <TmMatches
        paragraph={paragraph}
        sourceLang={sourceLang}
        targetLang={targetLang}
        dir={dir}
        handleRef={actions.tmRef}
        onInsert={actions.insertTm}
        onInsertSentence={actions.insertTmSentence}
        onInsertAssembled={actions.insertTmAssembled}
      />
      <RowWorkflow
        paragraph={paragraph}
        number={number}
        text={text}
        sourceLang={sourceLang}
        targetLang={targetLang}
        dir={dir}
        gate={actions.gate}
        onGateClosed={() => {
          // Signed off with a reason, or cancelled: focus stays in the row (the form goes away).
          actions.setGate(null);
          boxRef.current?.focus();
        }}
        onParagraphs={(updated) => props.onParagraphs(updated)}
        onError={actions.onActionError}
        undo={actions.undo}
        isEditor={props.isEditor}
      />
    </div>
  );
}

/** A textarea, or the chip editor for paragraphs with inline tokens. */
function TranslationBox({
  props,
  row,
  actions,
  boxRef,
  sourceId,
  text,
  onText,
  onBlur,
}: RowParts & { onText: (value: string) => void; onBlur: () => void }) {
  const { t } = useTranslation();
  const { paragraph, targetLang, dir } = props;
  const invalid = row.rowError?.kind === 'save';
  const setBox = (el: HTMLElement | null): void => {
    boxRef.current = el;
  };
  const onFocus = (): void => setActiveParagraph(paragraph.id);
  if (paragraph.codes && paragraph.codes.length > 0) {
    return (
      <TokenEditor
        value={text}
        codes={paragraph.codes}
        label={t('editor.row.translation')}
        describedBy={sourceId}
        invalid={invalid}
        lang={targetLang}
        dir={dir}
        elementRef={setBox}
        onText={onText}
        onBlur={onBlur}
        onFocus={onFocus}
        onKeyDown={actions.onKeyDown}
      />
    );
  }
  return (
    <textarea
      ref={setBox}
      className="translation"
      aria-label={t('editor.row.translation')}
      aria-describedby={sourceId}
      aria-invalid={invalid || undefined}
      lang={targetLang}
      dir={dir}
      rows={3}
      maxLength={LIMITS.paragraphChars}
      value={text}
      onChange={(e) => onText(e.target.value)}
      onBlur={onBlur}
      onFocus={onFocus}
      onKeyDown={actions.onKeyDown}
    />
  );
}

function StatusCell({ props, row, conflict }: RowParts) {
  const { t } = useTranslation();
  const { paragraph, number, engineName } = props;
  const saveText =
    row.saveState === 'pending' || row.saveState === 'saving'
      ? t('editor.row.saving')
      : row.saveState === 'saved'
        ? t('editor.row.saved')
        : '';
  return (
    <div role="cell" className="cell-status">
      {paragraph.status === 'signed-off' && paragraph.signatureBroken ? (
        // The status column says signed off, the signature says otherwise (issue 12): the signature wins.
        <span className="status-badge status-signature-broken" title={t('signatures.status.brokenHint')}>
          {t('signatures.status.broken')}
        </span>
      ) : (
        <span className={`status-badge status-${paragraph.status}`}>{t(`status.${statusKey(paragraph.status)}`)}</span>
      )}
      <ExclusionBadge paragraph={paragraph} />
      {conflict && <ConflictMarker />}
      {paragraph.status === 'signed-off' && paragraph.signOff && (
        <span className="meta">{t('editor.row.signedOffBy', { name: paragraph.signOff.name })}</span>
      )}
      {engineName && <span className="meta engine">{t('editor.row.engine', { engine: engineName })}</span>}
      <MtProvenance paragraph={paragraph} number={number} />
      <span className="meta save-state">{saveText}</span>
    </div>
  );
}

function ActionsCell({ props, row, actions, text }: RowParts) {
  const { t } = useTranslation();
  const { paragraph, number, isEditor } = props;
  const changed = row.draft !== null && row.draft !== paragraph.target;
  const empty = text.trim() === '';
  const confirmDisabled = actions.acting || empty || (!changed && !isConfirmable(paragraph));
  const signOffDisabled = actions.acting || empty || (!changed && paragraph.status === 'signed-off') || paragraph.excluded !== undefined;
  return (
    <div role="cell" className="cell-actions">
      <button type="button" disabled={confirmDisabled} onClick={() => void actions.run('confirm', false)}>
        {t('editor.row.confirm')}
      </button>
      <RetranslateButton paragraph={paragraph} number={number} />
      {isEditor && (
        <button type="button" disabled={signOffDisabled} onClick={() => void actions.run('signOff', false)}>
          {t('editor.row.signOff')}
        </button>
      )}
      <ExclusionToggle paragraph={paragraph} isEditor={isEditor} onParagraphs={props.onParagraphs} onError={actions.onActionError} />
    </div>
  );
}
