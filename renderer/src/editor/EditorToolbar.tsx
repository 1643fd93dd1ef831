/**
 * The editor's toolbar (an F6 region): machine translation, bulk sign-off and exclusion, re-import,
 * the import report, shortcut help and export; and below it, why no engine can translate the pair.
 */
import { useId, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail, Paragraph } from '../../../shared/types.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { TranslateScopeActions } from '../engines/TranslateScopeActions.js';
import { ExportPanel } from '../exporting/ExportPanel.js';
import { ReimportPanel } from '../importing/ReimportPanel.js';
import { SendForReviewButton } from '../team/ReviewPackage.js';
import { useLanguageName } from '../i18n/useLanguageName.js';
import { ExcludeShownActions } from '../workflow/ExcludeShownActions.js';
import type { RowVisibility } from '../workflow/FindBar.js';
import type { DocumentCounts } from './EditorHeader.js';
import { REGION_ATTRIBUTE } from './regions.js';
import type { BulkSignOff } from './useBulkSignOff.js';
import type { EditorStatus } from './useEditorStatus.js';
import type { EngineChoice } from './useEngineChoice.js';
import type { TranslateJob } from './useTranslateJob.js';

export interface EditorToolbarProps {
  doc: DocumentDetail;
  counts: DocumentCounts;
  isEditor: boolean;
  visibility: RowVisibility | null;
  engine: EngineChoice;
  job: TranslateJob;
  bulk: BulkSignOff;
  ui: EditorStatus;
  flushAll: () => Promise<boolean>;
  onParagraphs: (paragraphs: Paragraph[]) => void;
  onReimported: (doc: DocumentDetail) => void;
  reportOpen: boolean;
  onToggleReport: () => void;
  onHelp: () => void;
  toolbarRef: RefObject<HTMLDivElement | null>;
  translateAllRef: RefObject<HTMLButtonElement | null>;
  signOffAllRef: RefObject<HTMLButtonElement | null>;
}

export function EditorToolbar(props: EditorToolbarProps) {
  const { t } = useTranslation();
  const { doc, ui, job, counts, flushAll, onReimported, reportOpen, onToggleReport, onHelp, toolbarRef } = props;
  const jobOrAction = job.activeJob !== null || ui.busy !== null;
  return (
    <div
      ref={toolbarRef}
      className="toolbar"
      role="region"
      aria-label={t('navigation.regions.toolbar')}
      {...{ [REGION_ATTRIBUTE]: 'toolbar' }}
    >
      <div className="toolbar-group">
        <TranslateActions {...props} />
        <SignOffActions {...props} />
      </div>
      <ReimportPanel documentId={doc.id} disabled={jobOrAction} beforeReimport={flushAll} onReimported={onReimported} />
      {doc.importReport && (
        <button type="button" className="button-quiet" aria-expanded={reportOpen} onClick={onToggleReport}>
          {t('importing.report.open')}
        </button>
      )}
      <button type="button" className="button-quiet" aria-haspopup="dialog" onClick={onHelp}>
        {t('workflow.shortcuts.open')}
      </button>
      <SendForReviewButton documentId={doc.id} disabled={ui.busy !== null} beforeSend={flushAll} onDone={ui.say} onError={ui.setAlert} />
      <ExportPanel
        documentId={doc.id}
        hasExcluded={counts.excluded > 0}
        disabled={ui.busy !== null}
        onStart={() => ui.startAction('export')}
        beforeExport={flushAll}
        onDone={(render) => {
          ui.say(render);
          ui.setBusy(null);
        }}
        onError={(err) => {
          ui.setAlert(err);
          ui.setBusy(null);
        }}
      />
    </div>
  );
}

/** The engine (when there is a choice), "Translate all" and the scoped translate actions. */
function TranslateActions({ doc, engine, job, ui, visibility, translateAllRef }: EditorToolbarProps) {
  const { t } = useTranslation();
  const engineSelect = useId();
  const { usable } = engine;
  return (
    <>
      {usable.length > 1 && (
        <div className="field inline">
          <label htmlFor={engineSelect}>{t('editor.translate.engineLabel')}</label>
          <select id={engineSelect} value={engine.engineId} onChange={(e) => engine.setEngineId(e.target.value)}>
            {usable.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <button
        ref={translateAllRef}
        type="button"
        className="button-primary"
        disabled={!engine.engineId || usable.length === 0 || job.activeJob !== null || ui.busy !== null}
        onClick={() => void job.translateAll()}
      >
        {t('editor.translate.all')}
      </button>
      {usable.length === 1 && <span className="meta">{t('editor.translate.engineSingle', { engine: usable[0]!.name })}</span>}
      <TranslateScopeActions
        documentId={doc.id}
        paragraphs={doc.paragraphs}
        shown={visibility ? visibility.test : null}
        disabled={usable.length === 0}
        onError={ui.setAlert}
        onNothing={() => ui.say((tt) => tt('editor.translate.nothing'))}
      />
      {engine.engines === null && <span className="meta">{t('editor.translate.checking')}</span>}
    </>
  );
}

/** Bulk sign-off (editors) and, while the find/filter bar shows some rows, the actions on those. */
function SignOffActions({ doc, counts, isEditor, visibility, bulk, job, ui, onParagraphs, signOffAllRef }: EditorToolbarProps) {
  const { t } = useTranslation();
  return (
    <>
      {isEditor && (
        <button
          ref={signOffAllRef}
          type="button"
          disabled={counts.confirmed === 0 || ui.busy !== null}
          onClick={() => void bulk.signOffAll()}
        >
          {t('editor.signOffAll.action')}
        </button>
      )}
      {isEditor && visibility && (
        <button type="button" disabled={ui.busy !== null} onClick={() => void bulk.signOffAll(true)}>
          {t('workflow.bulk.signOffShown')}
        </button>
      )}
      {visibility && (
        <ExcludeShownActions
          paragraphs={doc.paragraphs}
          shown={visibility.test}
          isEditor={isEditor}
          disabled={ui.busy !== null || job.activeJob !== null}
          onParagraphs={onParagraphs}
          onError={ui.setAlert}
          onStatus={ui.say}
        />
      )}
    </>
  );
}

/** No engine can translate the document's pair: says so, and why each engine cannot. */
export function EngineMissing({ doc, engine }: { doc: DocumentDetail; engine: EngineChoice }) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  if (!engine.noEngine) return null;
  const source = languageName(doc.sourceLang);
  const target = languageName(doc.targetLang);
  return (
    <div className="engine-missing">
      <p>{t('editor.translate.noEngine', { source, target })}</p>
      {engine.reasons.length > 0 && (
        <ul className="meta">
          {engine.reasons.map((r) => (
            <li key={r.id}>{t('editor.translate.engineReason', { engine: r.name, reason: t(`errors.${r.code}`, { count: 1 }) })}</li>
          ))}
        </ul>
      )}
      <ErrorAlert error={engine.engineError} />
    </div>
  );
}
