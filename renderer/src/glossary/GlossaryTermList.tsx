/** The glossary screen's table of the pair's terms: loading, empty, a filter, and at most GLOSSARY_ROWS_SHOWN rows. */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlossaryTerm } from '../../../shared/features/glossaryApi.js';
import { joinVariants } from '../../../shared/glossary/normalize.js';
import type { GlossaryPair } from './useGlossaryTerms.js';

/** Rows drawn at once; a large glossary is narrowed with the filter. */
export const GLOSSARY_ROWS_SHOWN = 200;

interface TermListProps {
  pair: GlossaryPair;
  /** null while they load. */
  terms: readonly GlossaryTerm[] | null;
  /** An error is shown: no "Loading…" under it. */
  failed: boolean;
  busy: boolean;
  onEdit: (term: GlossaryTerm) => void;
  onDelete: (term: GlossaryTerm) => void;
}

export function GlossaryTermList({ pair, terms, failed, busy, onEdit, onDelete }: TermListProps) {
  const { t } = useTranslation();
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const matching = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    if (!terms || needle === '') return terms ?? [];
    return terms.filter((term) =>
      [term.source, term.target, term.note, term.definition, ...term.forbidden].some((v) => v.toLocaleLowerCase().includes(needle)),
    );
  }, [terms, filter]);
  const shown = matching.slice(0, GLOSSARY_ROWS_SHOWN);

  if (terms === null) return failed ? null : <p className="muted">{t('app.loading')}</p>;
  if (terms.length === 0) return <p className="empty">{t('glossary.list.empty')}</p>;
  return (
    <>
      <div className="field inline">
        <label htmlFor={filterId}>{t('glossary.list.filter')}</label>
        <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      {matching.length > shown.length && (
        <p className="meta">{t('glossary.list.truncated', { shown: shown.length, total: matching.length })}</p>
      )}
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
            <TermRow key={term.id} term={term} pair={pair} busy={busy} onEdit={onEdit} onDelete={onDelete} />
          ))}
        </tbody>
      </table>
    </>
  );
}

function TermRow({
  term,
  pair,
  busy,
  onEdit,
  onDelete,
}: { term: GlossaryTerm } & Pick<TermListProps, 'pair' | 'busy' | 'onEdit' | 'onDelete'>) {
  const { t } = useTranslation();
  return (
    <tr>
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
          onClick={() => onEdit(term)}
        >
          {t('glossary.list.edit')}
        </button>
        <button
          type="button"
          className="button-quiet"
          aria-label={t('glossary.list.deleteLabel', { term: term.source })}
          disabled={busy}
          onClick={() => onDelete(term)}
        >
          {t('glossary.list.delete')}
        </button>
      </td>
    </tr>
  );
}
