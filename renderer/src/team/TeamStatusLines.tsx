/** The team's status as text: state and changes waiting (a live region), last sync, last problem, who I am, refused changes. */
import { useTranslation } from 'react-i18next';
import type { TeamStatus } from '../../../shared/features/teamApi.js';
import { useDateTime } from '../library/useDateTime.js';

interface TeamStatusLinesProps {
  status: TeamStatus;
  busy?: boolean;
  /** Shares again a document the team deleted that was kept here. */
  onShareAgain?: (documentId: string, title: string) => void;
}

export function TeamStatusLines({ status, busy = false, onShareAgain }: TeamStatusLinesProps) {
  const { t } = useTranslation();
  const when = useDateTime();
  return (
    <>
      <p role="status" className="status-line team-status">
        {t('team.status', { state: t(`team.state.${status.state}`), count: status.waiting })}
      </p>
      {status.configured && (
        <p className="hint">{status.lastSyncAt ? t('team.lastSync', { when: when(status.lastSyncAt) }) : t('team.neverSynced')}</p>
      )}
      {status.configured && status.lastError && status.state === 'offline' && (
        <p className="hint team-problem">{t('team.lastError', { message: status.lastError })}</p>
      )}
      {status.me && (
        <p className="hint">
          {t('team.me', {
            displayName: status.me.displayName,
            roleName: status.me.roleName,
            teamRole: t(`team.teamRole.${status.me.teamRole}`),
          })}
        </p>
      )}
      {status.documents && <SharedDocuments documents={status.documents} busy={busy} onShareAgain={onShareAgain} />}
      {status.refusals.length > 0 && <TeamRefusals refusals={status.refusals} />}
    </>
  );
}

/** How many of this library's documents the team has (and how many are still to be shared); documents the team deleted that were kept here. */
function SharedDocuments({
  documents,
  busy,
  onShareAgain,
}: {
  documents: NonNullable<TeamStatus['documents']>;
  busy: boolean;
  onShareAgain: TeamStatusLinesProps['onShareAgain'];
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="hint team-documents">
        {t('team.documents.shared', { count: documents.shared })}
        {documents.notShared > 0 && ` ${t('team.documents.notShared', { count: documents.notShared })}`}
      </p>
      {documents.kept.map((k) => (
        <div key={k.documentId} className="team-kept">
          <p className="hint team-problem">{t('team.documents.kept', { title: k.title, by: k.deletedBy })}</p>
          {onShareAgain && (
            <button
              type="button"
              disabled={busy}
              aria-label={t('team.documents.shareAgainNamed', { title: k.title })}
              onClick={() => onShareAgain(k.documentId, k.title)}
            >
              {t('team.documents.shareAgain')}
            </button>
          )}
        </div>
      ))}
    </>
  );
}

function TeamRefusals({ refusals }: { refusals: TeamStatus['refusals'] }) {
  const { t } = useTranslation();
  return (
    <div className="team-refusals">
      <h3>{t('team.refusals.heading')}</h3>
      <ul aria-label={t('team.refusals.heading')}>
        {refusals.map((r) => (
          <li key={r.changeId}>
            {r.documentTitle === null
              ? t('team.refusals.itemNoTitle', {
                  kind: t(`team.kind.${r.kind}`),
                  documentId: r.documentId,
                  reason: t(`team.refusals.${r.code}`),
                  message: r.message,
                })
              : t('team.refusals.item', {
                  kind: t(`team.kind.${r.kind}`),
                  title: r.documentTitle,
                  reason: t(`team.refusals.${r.code}`),
                  message: r.message,
                })}
          </li>
        ))}
      </ul>
    </div>
  );
}
