/**
 * The glossary screen: the terms of one language pair in a table, a form to add or edit a term,
 * delete, and CSV/TBX import (merge or replace) and export (TBX-Basic 2008 by default, or TBX v3).
 */
import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlossaryTerm } from '../../../shared/features/glossaryApi.js';
import { splitVariants } from '../../../shared/glossary/normalize.js';
import { useApi } from '../api/ApiProvider.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { LanguageSelect } from '../components/LanguageSelect.js';
import { useFocusOnMount } from '../components/useFocusOnMount.js';
import { draftOf, EMPTY_DRAFT, GlossaryTermForm, type Draft } from './GlossaryTermForm.js';
import { GlossaryTermList } from './GlossaryTermList.js';
import { GlossaryTransfer } from './GlossaryTransfer.js';
import { useGlossaryPair, useGlossaryRunner, useGlossaryTerms, type GlossaryPair, type GlossaryRun } from './useGlossaryTerms.js';

export function GlossaryView({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sourceRef = useRef<HTMLInputElement>(null);
  useFocusOnMount(headingRef);

  const [pair, setPair] = useGlossaryPair();
  const { terms, error: loadError, refresh } = useGlossaryTerms(pair);
  const { busy, error: runError, status, run, say, setError } = useGlossaryRunner(refresh);
  const error = runError ?? loadError;
  const editor = useTermEditor(pair, run, sourceRef, () => setError(null));

  return (
    <section className="view glossary" aria-labelledby={headingId}>
      <div className="view-header">
        <h1 id={headingId} ref={headingRef} tabIndex={-1}>
          {t('glossary.heading')}
        </h1>
        <div className="actions">
          <button type="button" onClick={onBack}>
            {t('glossary.back')}
          </button>
        </div>
      </div>
      <p className="muted">{t('glossary.intro')}</p>

      <div className="glossary-pair">
        <LanguageSelect
          label={t('glossary.pair.source')}
          value={pair.sourceLang}
          onChange={(tag) => setPair((p) => ({ ...p, sourceLang: tag }))}
          disabled={busy}
        />
        <LanguageSelect
          label={t('glossary.pair.target')}
          value={pair.targetLang}
          onChange={(tag) => setPair((p) => ({ ...p, targetLang: tag }))}
          disabled={busy}
        />
        {terms !== null && <p className="meta">{t('glossary.pair.count', { count: terms.length })}</p>}
      </div>

      <ErrorAlert error={error} />
      <p role="status" className="status-line">
        {status ? status(t) : ''}
      </p>

      <GlossaryTermForm
        pair={pair}
        draft={editor.draft}
        onChange={editor.set}
        editing={editor.editing !== null}
        busy={busy}
        onSubmit={editor.submit}
        onCancel={editor.cancelEdit}
        sourceRef={sourceRef}
      />
      <GlossaryTermList pair={pair} terms={terms} failed={error !== null} busy={busy} onEdit={editor.startEdit} onDelete={editor.remove} />
      <GlossaryTransfer pair={pair} busy={busy} hasTerms={!!terms?.length} run={run} say={say} />
    </section>
  );
}

/** The term being added or edited: its draft, and add, save, edit, cancel and delete. */
function useTermEditor(pair: GlossaryPair, run: GlossaryRun, sourceRef: RefObject<HTMLInputElement | null>, clearError: () => void) {
  const api = useApi();
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [editing, setEditing] = useState<GlossaryTerm | null>(null);

  function submit(e: FormEvent): void {
    e.preventDefault();
    const { forbidden, ...rest } = draft;
    const term = { ...rest, forbidden: splitVariants(forbidden) };
    void run(async () => {
      if (editing) {
        const saved = await api.updateGlossaryTerm({ termId: editing.id, term });
        setEditing(null);
        setDraft(EMPTY_DRAFT);
        return (tt) => tt('glossary.status.saved', { term: saved.source });
      }
      const added = await api.addGlossaryTerm({ ...pair, term });
      setDraft(EMPTY_DRAFT);
      sourceRef.current?.focus();
      return (tt) => tt('glossary.status.added', { term: added.source });
    });
  }

  function startEdit(term: GlossaryTerm): void {
    setEditing(term);
    setDraft(draftOf(term));
    clearError();
    sourceRef.current?.focus();
  }

  function cancelEdit(): void {
    setEditing(null);
    setDraft(EMPTY_DRAFT);
  }

  function remove(term: GlossaryTerm): void {
    void run(async () => {
      await api.deleteGlossaryTerm({ termId: term.id });
      if (editing?.id === term.id) cancelEdit();
      return (tt) => tt('glossary.status.deleted', { term: term.source });
    });
  }

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  return { draft, editing, set, submit, startEdit, cancelEdit, remove };
}
