/**
 * In the export panel, while a document has imported paragraphs whose origin is unknown (issue 12):
 * says that the disclosure footer counts them as machine translation, and lets an editor declare
 * them human translation with a reason (declareHumanOrigin; a translator gets the service's
 * refusal as the panel's error). Declared ones are listed with who declared them and why.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentOrigins } from '../../../shared/features/provenanceApi.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { useLatest } from '../components/useLatest.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';

export function UnknownOriginNotice({ documentId, onError }: { documentId: string; onError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = { reason: useId(), hint: useId() };
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const onErrorRef = useLatest(onError);

  const queryClient = useQueryClient();
  const key = queryKeys.documentPart(documentId, 'origins');
  const query = useQuery({ queryKey: key, queryFn: () => api.getDocumentOrigins({ documentId }) });
  const origins: DocumentOrigins | null = query.data ?? null;
  const setOrigins = (o: DocumentOrigins): void => void queryClient.setQueryData(key, o);
  // Reading them failed: the panel says why.
  useEffect(() => {
    if (query.error) onErrorRef.current(query.error);
  }, [query.error, onErrorRef]);

  if (origins === null || origins.unknown.length === 0) return null;
  const open = origins.unknown.filter((o) => o.declaredHuman === null);
  const declared = origins.unknown.filter((o) => o.declaredHuman !== null);
  const tools = [...new Set(open.map((o) => o.tool).filter((x): x is string => x !== null))];
  const byDeclaration = new Map<string, typeof declared>();
  for (const o of declared) {
    const key = `${o.declaredHuman!.name}\n${o.declaredHuman!.reason}`;
    byDeclaration.set(key, [...(byDeclaration.get(key) ?? []), o]);
  }

  async function declare(): Promise<void> {
    try {
      setOrigins(await api.declareHumanOrigin({ documentId, reason }));
      setAsking(false);
      setReason('');
    } catch (err) {
      onError(err);
    }
  }

  return (
    <div className="notice unknown-origin">
      {open.length > 0 && (
        <p>
          {t('provenance.unknown.notice', { count: open.length, paragraphs: open.map((o) => o.number).join(', ') })}
          {tools.length > 0 && <> {t('provenance.unknown.tool', { tools: tools.join(', ') })}</>}
        </p>
      )}
      {[...byDeclaration.values()].map((group) => (
        <p key={`${group[0]!.declaredHuman!.name}${group[0]!.declaredHuman!.reason}`}>
          {t('provenance.unknown.declared', {
            count: group.length,
            paragraphs: group.map((o) => o.number).join(', '),
            name: group[0]!.declaredHuman!.name,
            reason: group[0]!.declaredHuman!.reason,
          })}
        </p>
      ))}
      {open.length > 0 && !asking && (
        <button type="button" onClick={() => setAsking(true)}>
          {t('provenance.unknown.declare')}
        </button>
      )}
      {open.length > 0 && asking && (
        <form
          className="field inline"
          onSubmit={(e) => {
            e.preventDefault();
            void declare();
          }}
        >
          <label htmlFor={ids.reason}>{t('provenance.unknown.reasonLabel')}</label>
          <input
            id={ids.reason}
            aria-describedby={ids.hint}
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
            autoFocus
          />
          <span id={ids.hint} className="visually-hidden">
            {t('provenance.unknown.reasonHint')}
          </span>
          <button type="submit">{t('provenance.unknown.confirm')}</button>
          <button type="button" className="button-quiet" onClick={() => setAsking(false)}>
            {t('provenance.unknown.cancel')}
          </button>
        </form>
      )}
    </div>
  );
}
