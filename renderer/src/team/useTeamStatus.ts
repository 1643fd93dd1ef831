/** The team status, polled every 2 s while shown (the sync loop runs in the backend; polling is the simplest honest way to follow it). */
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';

export const TEAM_STATUS_POLL_MS = 2_000;

export function useTeamStatus() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.teamStatus(),
    queryFn: () => api.getTeamStatus({}),
    refetchInterval: TEAM_STATUS_POLL_MS,
  });
}
