/** Concordance: a word or phrase searched across the sources of a language pair's TM, with the translations. */
import { InlineText } from '../inline/InlineText.js';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TmUnit } from '../../../shared/features/memoryApi.js';
import { useApi } from '../api/ApiProvider.js';
import { ErrorAlert } from '../components/ErrorAlert.js';

export function Concordance({ sourceLang, targetLang }: { sourceLang: string; targetLang: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<TmUnit[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const onSubmit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    try {
      setHits(await api.searchTmConcordance({ sourceLang, targetLang, query }));
      setError(null);
    } catch (err) {
      setHits(null);
      setError(err);
    }
  };

  return (
    <form role="search" className="tm-concordance" onSubmit={(e) => void onSubmit(e)}>
      <div className="field">
        <label htmlFor={id}>{t('memory.concordance.label')}</label>
        <input
          id={id}
          type="search"
          value={query}
          maxLength={500}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setQuery(e.target.value)}
        />
        <span id={`${id}-hint`} className="hint">
          {t('memory.concordance.hint')}
        </span>
      </div>
      <button type="submit">{t('memory.concordance.search')}</button>
      <ErrorAlert error={error} />
      <p role="status" className="status-line">
        {hits === null ? '' : t('memory.concordance.results', { count: hits.length })}
      </p>
      {hits !== null && hits.length > 0 && (
        <table className="tm-concordance-results">
          <thead>
            <tr>
              <th scope="col">{t('memory.concordance.source')}</th>
              <th scope="col">{t('memory.concordance.target')}</th>
            </tr>
          </thead>
          <tbody>
            {hits.map((h) => (
              <tr key={h.unitId}>
                <td lang={h.sourceLang}>
                  <InlineText text={h.source} codes={h.codes} />
                </td>
                <td lang={h.targetLang} dir="auto">
                  <InlineText text={h.target} codes={h.codes} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </form>
  );
}
