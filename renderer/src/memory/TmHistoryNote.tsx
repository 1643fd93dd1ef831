/** In a paragraph's history, beside a revision with origin `tm`: which TM unit it inserted and its score then. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TmProvenance } from '../../../shared/features/memoryApi.js';
import { useApi } from '../api/ApiProvider.js';
import { withoutCodes } from '../../../shared/memory/matchScore.js';

export function TmHistoryNote({ paragraphId, revisionId, updatedAt }: { paragraphId: string; revisionId: number; updatedAt: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const [provenance, setProvenance] = useState<TmProvenance | null>(null);

  useEffect(() => {
    let live = true;
    api.listTmProvenance({ paragraphId }).then(
      (all) => live && setProvenance(all.find((p) => p.revisionId === revisionId) ?? null),
      () => live && setProvenance(null),
    );
    return () => {
      live = false;
    };
  }, [api, paragraphId, revisionId, updatedAt]);

  // The stored source's words (its placeholders would show as empty boxes).
  const words = provenance ? withoutCodes(provenance.unitSource) : undefined;
  const source = words !== undefined && words.length > 80 ? `${words.slice(0, 80)}…` : words;
  return (
    <>
      {' · '}
      {provenance
        ? t('memory.history.match', { score: provenance.score, source, by: provenance.unitBy || '—' })
        : t('memory.history.origin')}
    </>
  );
}
