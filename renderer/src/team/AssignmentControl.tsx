/**
 * The document's assignment in the editor header (issue 16): for a document in the team, everyone
 * sees who translates and who edits it; a team editor or admin chooses both (or nobody) and
 * assigns. The assignment is written at once and sent with the next sync.
 */
import { useId, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TeamDocumentAssignment, TeamMemberView } from '../../../shared/features/teamApi.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { ErrorAlert } from '../components/ErrorAlert.js';

export function AssignmentControl({ documentId }: { documentId: string }) {
  const api = useApi();
  const status = useQuery({ queryKey: queryKeys.teamStatus(), queryFn: () => api.getTeamStatus({}), staleTime: 30_000 });
  const assignment = useQuery({
    queryKey: queryKeys.teamDocumentAssignment(documentId),
    queryFn: () => api.getDocumentAssignment({ documentId }),
    enabled: status.data?.configured ?? false,
  });
  const a = assignment.data;
  if (!a?.inTeam) return null;
  return (
    <div className="team-assignment">
      <AssignmentLine assignment={a} />
      {a.canAssign && <AssignmentForm assignment={a} />}
    </div>
  );
}

function AssignmentLine({ assignment: a }: { assignment: TeamDocumentAssignment }) {
  const { t } = useTranslation();
  if (!a.translator && !a.editor) return <p className="meta">{t('team.assignment.none')}</p>;
  const nobody = t('team.assignment.nobodyInline');
  return (
    <p className="meta">
      {t('team.assignment.current', { translator: a.translator?.displayName ?? nobody, editor: a.editor?.displayName ?? nobody })}
    </p>
  );
}

function MemberSelect({
  label,
  members,
  value,
  onChange,
}: {
  label: string;
  members: readonly TeamMemberView[];
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <span className="field-inline">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('team.assignment.nobody')}</option>
        {members.map((m) => (
          <option key={m.roleName} value={m.roleName}>
            {m.displayName}
          </option>
        ))}
      </select>
    </span>
  );
}

function AssignmentForm({ assignment: a }: { assignment: TeamDocumentAssignment }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const members = useQuery({ queryKey: queryKeys.teamMembers(), queryFn: () => api.listTeamMembers({}) });
  // Untouched choices follow the assignment (another member's may arrive); a choice made here stays until Assign.
  const [draft, setDraft] = useState<{ translator: string; editor: string } | null>(null);
  const translator = draft?.translator ?? a.translator?.roleName ?? '';
  const editor = draft?.editor ?? a.editor?.roleName ?? '';
  const choose = (slot: 'translator' | 'editor') => (value: string) => setDraft({ translator, editor, [slot]: value });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  const all = members.data?.members ?? [];
  const assign = async () => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const next = await api.assignDocument({ documentId: a.documentId, translator: translator || null, editor: editor || null });
      queryClient.setQueryData(queryKeys.teamDocumentAssignment(a.documentId), next);
      setDraft(null);
      await queryClient.invalidateQueries({ queryKey: queryKeys.teamAssignments() });
      await queryClient.invalidateQueries({ queryKey: queryKeys.teamStatus() });
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div role="group" aria-label={t('team.assignment.label')} className="team-assignment-form">
      <MemberSelect label={t('team.assignment.translator')} members={all} value={translator} onChange={choose('translator')} />
      <MemberSelect
        label={t('team.assignment.editor')}
        members={all.filter((m) => m.teamRole === 'editor')}
        value={editor}
        onChange={choose('editor')}
      />
      <button type="button" disabled={busy} onClick={() => void assign()}>
        {t('team.assignment.assign')}
      </button>
      <p role="status" className="meta">
        {saved ? t('team.assignment.saved') : ''}
      </p>
      {error !== null && <ErrorAlert error={error} />}
    </div>
  );
}
