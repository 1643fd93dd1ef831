/** Hands the typed API client down the tree; components get it with `useApi()`. */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { ApiTransport } from '../../../shared/api.js';
import { createApiClient, type ApiClient } from './client.js';

const ApiContext = createContext<ApiClient | null>(null);

export function ApiProvider({ transport, children }: { transport: ApiTransport; children: ReactNode }) {
  const client = useMemo(() => createApiClient(transport), [transport]);
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi() needs an <ApiProvider> above it');
  return client;
}
