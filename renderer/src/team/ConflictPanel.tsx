/**
 * A paragraph in conflict (issue 16): both texts side by side, labelled with their authors, and
 * Keep mine / Keep theirs / Keep my edit. An edit alone does not close the conflict (so a stray
 * keystroke never throws a colleague's version away): Keep my edit resolves it with the text in
 * the translation box as it stands.
 */
import { useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TeamConflictView } from '../../../shared/features/teamApi.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useDateTime } from '../library/useDateTime.js';

export function ConflictMarker() {
  const { t } = useTranslation();
  return <span className="status-badge status-conflict">{t('team.conflict.marker')}</span>;
}

interface ConflictPanelProps {
  conflict: TeamConflictView;
  number: number;
  /** The text in the row's translation box now. */
  text: string;
  targetLang: string;
  dir: 'ltr' | 'rtl' | 'auto';
}

export function ConflictPanel({ conflict, number, text, targetLang, dir }: ConflictPanelProps) {
  const { t } = useTranslation();
  const api = useApi();
  const when = useDateTime();
  const queryClient = useQueryClient();
  const ids = { mine: useId(), theirs: useId() };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const resolve = async (keep: 'mine' | 'theirs' | 'edited') => {
    setBusy(true);
    setError(null);
    try {
      const input = keep === 'edited' ? { paragraphId: conflict.paragraphId, keep, text } : { paragraphId: conflict.paragraphId, keep };
      const left = await api.resolveTeamConflict(input);
      queryClient.setQueryData(queryKeys.teamConflicts(conflict.documentId), left);
      await queryClient.invalidateQueries({ queryKey: queryKeys.documentAll(conflict.documentId) });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const side = (id: string, caption: string, s: TeamConflictView['mine']) => (
    <figure className="team-conflict-side" aria-labelledby={id}>
      <figcaption id={id}>{caption}</figcaption>
      <p lang={targetLang} dir={dir}>
        {s.text}
      </p>
    </figure>
  );
  return (
    <div role="group" className="team-conflict" aria-label={t('team.conflict.label', { number })}>
      <div className="team-conflict-sides">
        {side(
          ids.mine,
          t(conflict.ownSide ? 'team.conflict.mine' : 'team.conflict.notMine', {
            author: conflict.mine.author,
            when: when(conflict.mine.at),
          }),
          conflict.mine,
        )}
        {side(ids.theirs, t('team.conflict.theirs', { author: conflict.theirs.author, when: when(conflict.theirs.at) }), conflict.theirs)}
      </div>
      <p className="hint">{t('team.conflict.hint')}</p>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void resolve('mine')} aria-describedby={ids.mine}>
          {t('team.conflict.keepMine')}
        </button>
        <button type="button" disabled={busy} onClick={() => void resolve('theirs')} aria-describedby={ids.theirs}>
          {t('team.conflict.keepTheirs')}
        </button>
        <button type="button" disabled={busy || text.trim() === ''} onClick={() => void resolve('edited')}>
          {t('team.conflict.keepEdit')}
        </button>
      </div>
      <ErrorAlert error={error} />
    </div>
  );
}
