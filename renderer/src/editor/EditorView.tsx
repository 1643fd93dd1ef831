/**
 * The editor: one row per paragraph, machine translation of the whole document as a background
 * job, bulk sign-off for editors, and export. This module puts the parts together: the document
 * (server state, editor/useEditorDocument), the job (useTranslateJob), bulk sign-off
 * (useBulkSignOff), the header, toolbar, job bar, review panels and the paragraph list.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { DocumentDetail, Paragraph, Profile } from '../../../shared/types.js';
import { queryKeys } from '../api/queryClient.js';
import { restoreFocus } from '../components/restoreFocus.js';
import { EngineAvailability } from '../engines/EngineAvailability.js';
import { EngineJobProvider } from '../engines/EngineJobContext.js';
import { ImportReportPanel } from '../importing/ImportReport.js';
import type { RowVisibility } from '../workflow/FindBar.js';
import { useMeasuredReviewSignals } from '../workflow/ReviewSignalsContext.js';
import { ShortcutHelp } from '../workflow/ShortcutHelp.js';
import { useEditorShortcuts } from '../workflow/useEditorShortcuts.js';
import { EditorHeader, EditorLoading, type DocumentCounts } from './EditorHeader.js';
import { EditorParagraphs } from './EditorParagraphs.js';
import { EditorToolbar, EngineMissing } from './EditorToolbar.js';
import { GoToParagraph } from './GoToParagraph.js';
import { JobBar } from './JobBar.js';
import type { ParagraphListHandle } from './ParagraphList.js';
import { countSignedOff } from './paragraphs.js';
import { focusRegion } from './regions.js';
import { EditorMessages, ReviewPanels } from './ReviewPanels.js';
import { useBulkSignOff } from './useBulkSignOff.js';
import { useEditorDocument } from './useEditorDocument.js';
import { useEditorStatus } from './useEditorStatus.js';
import { useEngineChoice } from './useEngineChoice.js';
import { useFocusRequest } from './useFocusRequest.js';
import { useRegionKeys } from './useRegionKeys.js';
import { useRowRegistry } from './useRowRegistry.js';
import { useStickyTop } from './useStickyTop.js';
import { useTranslateJob } from './useTranslateJob.js';

export interface EditorViewProps {
  documentId: string;
  initial: DocumentDetail | null;
  profile: Profile;
  onBack: () => void;
}

export function EditorView(props: EditorViewProps) {
  const editor = useEditor(props);
  if (!editor.doc) {
    return <EditorLoading headingId={editor.ids.heading} headingRef={editor.refs.heading} error={editor.loadError} onBack={props.onBack} />;
  }
  return <EditorScreen editor={editor} doc={editor.doc} />;
}

type Editor = ReturnType<typeof useEditor>;

function useEditorRefs() {
  return {
    heading: useRef<HTMLHeadingElement>(null),
    toolbar: useRef<HTMLDivElement>(null),
    translateAll: useRef<HTMLButtonElement>(null),
    signOffAll: useRef<HTMLButtonElement>(null),
    cancelJob: useRef<HTMLButtonElement>(null),
    job: useRef<HTMLDivElement>(null),
    status: useRef<HTMLParagraphElement>(null),
    panels: useRef<HTMLElement>(null),
    list: useRef<ParagraphListHandle>(null),
  };
}

/** Counted once per document change, not on every render (10,000 paragraphs). */
function useCounts(paragraphs: readonly Paragraph[] | undefined): DocumentCounts {
  return useMemo(() => {
    const list = paragraphs ?? [];
    let confirmed = 0;
    let excluded = 0;
    for (const p of list) {
      if (p.excluded) excluded++;
      else if (p.status === 'translated') confirmed++;
    }
    return { signedOff: countSignedOff(list), confirmed, excluded };
  }, [paragraphs]);
}

/** Everything the editor's parts share: the document, the actions' state, the refs focus moves to. */
function useEditor({ documentId, initial, profile, onBack }: EditorViewProps) {
  const document = useEditorDocument(documentId, initial);
  const { doc } = document;
  const refs = useEditorRefs();
  const ids = { heading: useId(), shortcut: useId(), list: useId() };
  const ui = useEditorStatus();
  const rows = useRowRegistry();
  const engine = useEngineChoice(doc?.sourceLang ?? null, doc?.targetLang ?? null);
  const requestFocus = useFocusRequest([refs.heading, refs.toolbar, refs.job]);
  const [visibility, setVisibility] = useState<RowVisibility | null>(null);
  const reviewSignals = useMeasuredReviewSignals();
  // Dwell time belongs to the person reading: a profile switch starts measuring anew.
  useEffect(() => reviewSignals.reset(), [reviewSignals, profile.id]);
  const job = useTranslateJob({
    documentId,
    engineId: engine.engineId,
    flushAll: rows.flushAll,
    reload: document.reload,
    ui,
    requestFocus,
    translateAllRef: refs.translateAll,
    cancelRef: refs.cancelJob,
  });
  const bulk = useBulkSignOff({
    current: document.current,
    visibility,
    flushAll: rows.flushAll,
    reviewSignals,
    onParagraphs: document.mergeParagraphs,
    ui,
    requestFocus,
    refs: { button: refs.signOffAll, status: refs.status, panels: refs.panels },
  });
  const view = useEditorNavigation(document, refs, ui);
  const counts = useCounts(doc?.paragraphs);
  const back = async (): Promise<void> => {
    ui.startAction('back');
    const saved = await rows.flushAll();
    ui.setBusy(null);
    if (saved) onBack();
    else ui.setUnsaved(true);
  };
  // One value while nothing changes, so the rows' engine controls do not re-render for nothing.
  const jobsBusy = job.activeJob !== null || ui.busy !== null;
  const { engineId } = engine;
  const engineJobs = useMemo(
    () => ({ engineId, busy: jobsBusy, flushAll: rows.flushAll, onJobStarted: job.onJobStarted }),
    [engineId, jobsBusy, rows.flushAll, job.onJobStarted],
  );
  const isEditor = profile.role === 'editor';
  return {
    ...document,
    ...view,
    refs,
    ids,
    ui,
    rows,
    engine,
    job,
    bulk,
    visibility,
    setVisibility,
    reviewSignals,
    counts,
    back,
    engineJobs,
    isEditor,
  };
}

/** Moving around the editor: to a paragraph, F6 regions, Ctrl+G, shortcuts, the sticky toolbar, the import report. */
function useEditorNavigation(
  document: ReturnType<typeof useEditorDocument>,
  refs: ReturnType<typeof useEditorRefs>,
  ui: ReturnType<typeof useEditorStatus>,
) {
  const { doc } = document;
  const queryClient = useQueryClient();
  // The paragraph list is virtualized (editor/ParagraphList): moving to a paragraph goes through it.
  const focusParagraph = useCallback((id: string) => refs.list.current?.focusParagraph(id) ?? false, [refs.list]);
  const focusList = useCallback(() => refs.list.current?.focusCurrent() ?? false, [refs.list]);
  const onFocusNext = useCallback((paragraphId: string) => refs.list.current?.focusAfter(paragraphId, 1), [refs.list]);
  const { say, setNotice } = ui;
  const shortcuts = useEditorShortcuts(doc, focusParagraph, () => say((tt) => tt('workflow.shortcuts.noQa')));
  const goTo = useRegionKeys(focusList, () => document.current() !== null);
  const stickyTop = useStickyTop(refs.toolbar, doc !== null);
  // A Word or XLIFF import's report is shown right after the import (issue 14; the document the
  // import handed over is there at the first render); reopened from the toolbar.
  const [reportOpen, setReportOpen] = useState(() => doc?.importReport !== undefined);
  const loaded = doc !== null;
  useEffect(() => {
    if (loaded) refs.heading.current?.focus();
  }, [loaded, refs.heading]);
  const { mergeParagraphs, replace } = document;
  const onSaved = useCallback(
    (paragraph: Paragraph, signOffWithdrawn: boolean, number: number) => {
      mergeParagraphs([paragraph]);
      if (signOffWithdrawn) setNotice({ render: (tt) => tt('editor.notice.signOffWithdrawn', { number }) });
    },
    [mergeParagraphs, setNotice],
  );
  const documentId = doc?.id ?? '';
  // A re-import changed the document, which paragraphs it reopened (importing/ReopenedContext) and which it archived.
  const onReimported = (fresh: DocumentDetail): void => {
    replace(fresh);
    void queryClient.invalidateQueries({ queryKey: queryKeys.documentPart(documentId, 'reopened') });
    void queryClient.invalidateQueries({ queryKey: queryKeys.documentPart(documentId, 'archived') });
  };
  return { focusParagraph, focusList, onFocusNext, shortcuts, goTo, stickyTop, reportOpen, setReportOpen, onSaved, onReimported };
}

function EditorScreen({ editor: e, doc }: { editor: Editor; doc: DocumentDetail }) {
  const { t } = useTranslation();
  return (
    <section className="view editor" aria-labelledby={e.ids.heading}>
      <EngineJobProvider value={e.engineJobs}>
        <EditorTop editor={e} doc={doc} />
        <EditorToolbar
          doc={doc}
          counts={e.counts}
          isEditor={e.isEditor}
          visibility={e.visibility}
          engine={e.engine}
          job={e.job}
          bulk={e.bulk}
          ui={e.ui}
          flushAll={e.rows.flushAll}
          onParagraphs={e.mergeParagraphs}
          onReimported={e.onReimported}
          reportOpen={e.reportOpen}
          onToggleReport={() => e.setReportOpen((open) => !open)}
          onHelp={() => e.shortcuts.setHelpOpen(true)}
          toolbarRef={e.refs.toolbar}
          translateAllRef={e.refs.translateAll}
          signOffAllRef={e.refs.signOffAll}
        />
        <EngineMissing doc={doc} engine={e.engine} />
        <EngineAvailability sourceLang={doc.sourceLang} targetLang={doc.targetLang} />
        {e.job.activeJob && (
          <JobBar
            documentId={doc.id}
            job={e.job.activeJob}
            barRef={e.refs.job}
            cancelRef={e.refs.cancelJob}
            onCancel={() => void e.job.cancel()}
          />
        )}
        <EditorMessages ui={e.ui} fast={e.bulk.fast} statusRef={e.refs.status} />
        <ReviewPanels
          doc={doc}
          skipped={e.bulk.skipped}
          panelsRef={e.refs.panels}
          onFocusParagraph={e.focusParagraph}
          onParagraphs={e.mergeParagraphs}
        />
        <p id={e.ids.shortcut} className="hint shortcut">
          {t('editor.shortcut.hint')}
        </p>
        <EditorDialogs editor={e} doc={doc} />
        <EditorParagraphs
          doc={doc}
          isEditor={e.isEditor}
          reviewSignals={e.reviewSignals}
          visibility={e.visibility}
          onVisibility={e.setVisibility}
          rows={e.rows}
          listRef={e.refs.list}
          engineNames={e.engine.engineNames}
          onSaved={e.onSaved}
          onParagraphs={e.mergeParagraphs}
          onFastSignOffs={e.bulk.setFast}
          onFocusNext={e.onFocusNext}
          onTableKeyDown={e.shortcuts.onTableKeyDown}
          stickyTop={e.stickyTop}
          ids={e.ids}
        />
      </EngineJobProvider>
    </section>
  );
}

/** Shortcut help (`?`) and Go to paragraph (Ctrl+G). */
function EditorDialogs({ editor: e, doc }: { editor: Editor; doc: DocumentDetail }) {
  return (
    <>
      {e.shortcuts.helpOpen && <ShortcutHelp isEditor={e.isEditor} onClose={() => e.shortcuts.setHelpOpen(false)} />}
      {e.goTo.open && (
        <GoToParagraph
          total={doc.paragraphs.length - e.counts.excluded}
          onGo={(number) => {
            const paragraph = doc.paragraphs[number - 1];
            if (!paragraph || !e.focusParagraph(paragraph.id)) return 'hidden';
            e.goTo.close();
            return 'done';
          }}
          onClose={() => {
            e.goTo.close();
            restoreFocus(e.goTo.before());
          }}
        />
      )}
    </>
  );
}

/** The header, the import report (when open) and the skip link to the paragraphs. */
function EditorTop({ editor: e, doc }: { editor: Editor; doc: DocumentDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <EditorHeader
        doc={doc}
        counts={e.counts}
        headingId={e.ids.heading}
        headingRef={e.refs.heading}
        backBusy={e.ui.busy === 'back'}
        onBack={() => void e.back()}
      />
      {e.reportOpen && doc.importReport && (
        <ImportReportPanel
          report={doc.importReport}
          onClose={() => {
            e.setReportOpen(false);
            e.refs.heading.current?.focus();
          }}
        />
      )}
      <a
        href={`#${e.ids.list}`}
        className="list-skip"
        onClick={(ev) => {
          ev.preventDefault();
          focusRegion(document, 'paragraphs', e.focusList);
        }}
      >
        {t('navigation.skip.toParagraphs')}
      </a>
    </>
  );
}
