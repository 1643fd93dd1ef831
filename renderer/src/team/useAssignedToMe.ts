/** The documents assigned to this member (issue 16), by id; asked only in a library with a team server. */
import { useQuery } from '@tanstack/react-query';
import type { TeamAssignment } from '../../../shared/features/teamApi.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';

export function useAssignedToMe(): ReadonlyMap<string, TeamAssignment['as']> | null {
  const api = useApi();
  const status = useQuery({ queryKey: queryKeys.teamStatus(), queryFn: () => api.getTeamStatus({}), staleTime: 30_000 });
  const assignments = useQuery({
    queryKey: queryKeys.teamAssignments(),
    queryFn: () => api.listAssignedToMe({}),
    enabled: status.data?.configured ?? false,
    select: (data) => new Map(data.assignments.map((a) => [a.documentId, a.as])),
  });
  return assignments.data ?? null;
}
