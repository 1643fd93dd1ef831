/**
 * A paragraph's team conflict, if any: one request per document (shared by its rows through the
 * query cache), polled every 5 s in a library that has a team server set (conflicts arrive with
 * pulled changes in the backend); without one, read when the document opens (review packages).
 */
import { useQuery } from '@tanstack/react-query';
import type { TeamConflictView } from '../../../shared/features/teamApi.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';

export const TEAM_CONFLICTS_POLL_MS = 5_000;

export function useParagraphConflict(documentId: string, paragraphId: string): TeamConflictView | null {
  const api = useApi();
  const status = useQuery({ queryKey: queryKeys.teamStatus(), queryFn: () => api.getTeamStatus({}), staleTime: 30_000 });
  const configured = status.data?.configured ?? false;
  const conflicts = useQuery({
    queryKey: queryKeys.teamConflicts(documentId),
    queryFn: () => api.listTeamConflicts({ documentId }),
    // Without a server, an opened review package may have left conflicts (docs/team.md#offline-handoff): read once.
    enabled: configured || (status.data?.available ?? false),
    refetchInterval: configured ? TEAM_CONFLICTS_POLL_MS : false,
    select: (data) => data.conflicts.find((c) => c.paragraphId === paragraphId) ?? null,
  });
  return conflicts.data ?? null;
}
