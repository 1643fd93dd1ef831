/**
 * The glossary screen: the terms of one language pair in a table, a form to add or edit a term,
 * delete, and CSV/TBX import (merge or replace) and export (TBX-Basic 2008 by default, or TBX v3).
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { GlossaryImportMode, GlossaryTbxVersion, GlossaryTerm } from '../../../shared/features/glossaryApi.js';
import { joinVariants, splitVariants, GLOSSARY_LIMITS } from '../../../shared/glossary/normalize.js';
import { useApi } from '../api/ApiProvider.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { LanguageSelect } from '../components/LanguageSelect.js';
import { useFocusOnMount } from '../components/useFocusOnMount.js';
import { bytesToBase64 } from '../base64.js';
import { fileBytes } from '../importing/readFile.js';
import { usePlatform } from '../platform.js';

interface Draft {
  source: string;
  target: string;
  note: string;
  definition: string;
  forbidden: string;
  caseSensitive: boolean;
}

const EMPTY: Draft = { source: '', target: '', note: '', definition: '', forbidden: '', caseSensitive: false };

function draftOf(term: GlossaryTerm): Draft {
  return {
    source: term.source,
    target: term.target,
    note: term.note,
    definition: term.definition,
    forbidden: joinVariants(term.forbidden),
    caseSensitive: term.caseSensitive,
  };
}

type Message = ((t: TFunction) => string) | null;

/** Rows drawn at once; a large glossary is narrowed with the filter. */
export const GLOSSARY_ROWS_SHOWN = 200;

export function GlossaryView({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const platform = usePlatform();
  const ids = {
    heading: useId(),
    formHeading: useId(),
    source: useId(),
    target: useId(),
    note: useId(),
    forbidden: useId(),
    forbiddenHint: useId(),
    caseSensitive: useId(),
    file: useId(),
    mode: useId(),
    transfer: useId(),
    hint: useId(),
    filter: useId(),
    definition: useId(),
    definitionHint: useId(),
    tbxVersion: useId(),
  };
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sourceRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  useFocusOnMount(headingRef);

  const [pair, setPair] = useState({ sourceLang: 'en', targetLang: 'es' });
  const [terms, setTerms] = useState<GlossaryTerm[] | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [editing, setEditing] = useState<GlossaryTerm | null>(null);
  const [mode, setMode] = useState<GlossaryImportMode>('merge');
  const [tbxVersion, setTbxVersion] = useState<GlossaryTbxVersion>('v2');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<Message>(null);
  const [filter, setFilter] = useState('');

  // Start with the first pair that has terms, if any.
  useEffect(() => {
    let live = true;
    api.listGlossaryPairs({}).then(
      (pairs) => {
        const first = pairs[0];
        if (live && first) setPair({ sourceLang: first.sourceLang, targetLang: first.targetLang });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  const reload = useCallback(async (): Promise<void> => {
    if (pair.sourceLang === pair.targetLang) {
      setTerms([]);
      return;
    }
    try {
      setTerms(await api.listGlossaryTerms(pair));
    } catch (err) {
      setError(err);
    }
  }, [api, pair]);

  // Another pair shows no terms until its own have loaded.
  const [termsPair, setTermsPair] = useState(pair);
  if (termsPair !== pair) {
    setTermsPair(pair);
    setTerms(null);
  }
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading is the effect's job; a one-language pair has no terms at once.
    void reload();
  }, [reload]);

  async function run(action: () => Promise<Message>): Promise<void> {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const message = await action();
      setStatus(() => message);
      await reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent): void {
    e.preventDefault();
    const term = {
      source: draft.source,
      target: draft.target,
      note: draft.note,
      definition: draft.definition,
      forbidden: splitVariants(draft.forbidden),
      caseSensitive: draft.caseSensitive,
    };
    void run(async () => {
      if (editing) {
        const saved = await api.updateGlossaryTerm({ termId: editing.id, term });
        setEditing(null);
        setDraft(EMPTY);
        return (tt) => tt('glossary.status.saved', { term: saved.source });
      }
      const added = await api.addGlossaryTerm({ ...pair, term });
      setDraft(EMPTY);
      sourceRef.current?.focus();
      return (tt) => tt('glossary.status.added', { term: added.source });
    });
  }

  function startEdit(term: GlossaryTerm): void {
    setEditing(term);
    setDraft(draftOf(term));
    setError(null);
    sourceRef.current?.focus();
  }

  function cancelEdit(): void {
    setEditing(null);
    setDraft(EMPTY);
  }

  function remove(term: GlossaryTerm): void {
    void run(async () => {
      await api.deleteGlossaryTerm({ termId: term.id });
      if (editing?.id === term.id) cancelEdit();
      return (tt) => tt('glossary.status.deleted', { term: term.source });
    });
  }

  function importFile(): void {
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setStatus(() => (tt: TFunction) => tt('glossary.transfer.noFile'));
      return;
    }
    void run(async () => {
      const dataBase64 = bytesToBase64(await fileBytes(file));
      const result = await api.importGlossary({ ...pair, fileName: file.name, dataBase64, mode });
      if (fileRef.current) fileRef.current.value = '';
      const { notKept, skippedEntries, ...counts } = result;
      return (tt) => {
        const said = [tt('glossary.status.imported', { ...counts, count: counts.total })];
        if (notKept?.length) {
          const list = notKept.map((n) => tt('glossary.status.notKeptItem', { category: n.category, count: n.entries })).join(', ');
          said.push(tt('glossary.status.notKept', { list }));
        }
        if (skippedEntries) said.push(tt('glossary.status.skippedEntries', { count: skippedEntries }));
        return said.join(' ');
      };
    });
  }

  function exportAs(format: 'csv' | 'tbx'): void {
    void run(async () => {
      const file = await api.exportGlossary(format === 'tbx' ? { ...pair, format, tbxVersion } : { ...pair, format });
      // Awaited: a file that could not be saved shows its error instead of "exported".
      await platform.saveFile(file);
      return (tt) => tt('glossary.status.exported', { fileName: file.fileName });
    });
  }

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const matching = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    if (!terms || needle === '') return terms ?? [];
    return terms.filter((term) =>
      [term.source, term.target, term.note, term.definition, ...term.forbidden].some((v) => v.toLocaleLowerCase().includes(needle)),
    );
  }, [terms, filter]);
  const shown = matching.slice(0, GLOSSARY_ROWS_SHOWN);

  return (
    <section className="view glossary" aria-labelledby={ids.heading}>
      <div className="view-header">
        <h1 id={ids.heading} ref={headingRef} tabIndex={-1}>
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

      <section className="panel" aria-labelledby={ids.formHeading}>
        <h2 id={ids.formHeading}>{editing ? t('glossary.form.editHeading') : t('glossary.form.addHeading')}</h2>
        <form className="glossary-form" onSubmit={submit}>
          <div className="field">
            <label htmlFor={ids.source}>{t('glossary.form.source')}</label>
            <input
              id={ids.source}
              ref={sourceRef}
              lang={pair.sourceLang}
              maxLength={GLOSSARY_LIMITS.termChars}
              value={draft.source}
              onChange={(e) => set({ source: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.target}>{t('glossary.form.target')}</label>
            <input
              id={ids.target}
              lang={pair.targetLang}
              maxLength={GLOSSARY_LIMITS.termChars}
              value={draft.target}
              onChange={(e) => set({ target: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.forbidden}>{t('glossary.form.forbidden')}</label>
            <input
              id={ids.forbidden}
              lang={pair.targetLang}
              aria-describedby={ids.forbiddenHint}
              value={draft.forbidden}
              onChange={(e) => set({ forbidden: e.target.value })}
            />
            <span id={ids.forbiddenHint} className="hint">
              {t('glossary.form.forbiddenHint')}
            </span>
          </div>
          <div className="field">
            <label htmlFor={ids.note}>{t('glossary.form.note')}</label>
            <input id={ids.note} maxLength={GLOSSARY_LIMITS.noteChars} value={draft.note} onChange={(e) => set({ note: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={ids.definition}>{t('glossary.form.definition')}</label>
            <textarea
              id={ids.definition}
              rows={2}
              aria-describedby={ids.definitionHint}
              maxLength={GLOSSARY_LIMITS.definitionChars}
              value={draft.definition}
              onChange={(e) => set({ definition: e.target.value })}
            />
            <span id={ids.definitionHint} className="hint">
              {t('glossary.form.definitionHint')}
            </span>
          </div>
          <div className="field inline">
            <input
              id={ids.caseSensitive}
              type="checkbox"
              checked={draft.caseSensitive}
              onChange={(e) => set({ caseSensitive: e.target.checked })}
            />
            <label htmlFor={ids.caseSensitive}>{t('glossary.form.caseSensitive')}</label>
          </div>
          <div className="actions">
            <button type="submit" className="button-primary" disabled={busy}>
              {editing ? t('glossary.form.save') : t('glossary.form.add')}
            </button>
            {editing && (
              <button type="button" onClick={cancelEdit}>
                {t('glossary.form.cancel')}
              </button>
            )}
          </div>
        </form>
      </section>

      {terms === null && error === null && <p className="muted">{t('app.loading')}</p>}
      {terms !== null && terms.length === 0 && <p className="empty">{t('glossary.list.empty')}</p>}
      {terms !== null && terms.length > 0 && (
        <div className="field inline">
          <label htmlFor={ids.filter}>{t('glossary.list.filter')}</label>
          <input id={ids.filter} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
      )}
      {terms !== null && terms.length > 0 && matching.length > shown.length && (
        <p className="meta">{t('glossary.list.truncated', { shown: shown.length, total: matching.length })}</p>
      )}
      {terms !== null && terms.length > 0 && (
        <table className="glossary-table" aria-label={t('glossary.list.label')}>
          <thead>
            <tr>
              <th scope="col">{t('glossary.list.source')}</th>
              <th scope="col">{t('glossary.list.target')}</th>
              <th scope="col">{t('glossary.list.forbidden')}</th>
              <th scope="col">{t('glossary.list.note')}</th>
              <th scope="col">{t('glossary.list.definition')}</th>
              <th scope="col">{t('glossary.list.caseSensitive')}</th>
              <th scope="col">{t('glossary.list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((term) => (
              <tr key={term.id}>
                <th scope="row" lang={pair.sourceLang}>
                  {term.source}
                </th>
                <td lang={pair.targetLang}>{term.target}</td>
                <td lang={pair.targetLang}>{joinVariants(term.forbidden)}</td>
                <td>{term.note}</td>
                <td>{term.definition}</td>
                <td>{term.caseSensitive ? t('glossary.list.yes') : t('glossary.list.no')}</td>
                <td>
                  <button
                    type="button"
                    className="button-quiet"
                    aria-label={t('glossary.list.editLabel', { term: term.source })}
                    disabled={busy}
                    onClick={() => startEdit(term)}
                  >
                    {t('glossary.list.edit')}
                  </button>
                  <button
                    type="button"
                    className="button-quiet"
                    aria-label={t('glossary.list.deleteLabel', { term: term.source })}
                    disabled={busy}
                    onClick={() => remove(term)}
                  >
                    {t('glossary.list.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <section className="panel" aria-labelledby={ids.transfer}>
        <h2 id={ids.transfer}>{t('glossary.transfer.heading')}</h2>
        <p id={ids.hint} className="hint">
          {t('glossary.transfer.hint')}
        </p>
        <div className="glossary-transfer-row">
          <div className="field">
            <label htmlFor={ids.file}>{t('glossary.transfer.file')}</label>
            <input id={ids.file} ref={fileRef} type="file" accept=".csv,.tbx,.xml,text/csv" aria-describedby={ids.hint} />
          </div>
          <div className="field">
            <label htmlFor={ids.mode}>{t('glossary.transfer.mode')}</label>
            <select id={ids.mode} value={mode} onChange={(e) => setMode(e.target.value === 'replace' ? 'replace' : 'merge')}>
              <option value="merge">{t('glossary.transfer.merge')}</option>
              <option value="replace">{t('glossary.transfer.replace')}</option>
            </select>
          </div>
          <button type="button" disabled={busy} onClick={importFile}>
            {t('glossary.transfer.import')}
          </button>
          <button type="button" disabled={busy || !terms?.length} onClick={() => exportAs('csv')}>
            {t('glossary.transfer.exportCsv')}
          </button>
          <div className="field">
            <label htmlFor={ids.tbxVersion}>{t('glossary.transfer.tbxVersion')}</label>
            <select id={ids.tbxVersion} value={tbxVersion} onChange={(e) => setTbxVersion(e.target.value === 'v3' ? 'v3' : 'v2')}>
              <option value="v2">{t('glossary.transfer.tbxV2')}</option>
              <option value="v3">{t('glossary.transfer.tbxV3')}</option>
            </select>
          </div>
          <button type="button" disabled={busy || !terms?.length} onClick={() => exportAs('tbx')}>
            {t('glossary.transfer.exportTbx')}
          </button>
        </div>
      </section>
    </section>
  );
}
