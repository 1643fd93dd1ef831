/**
 * Hooks under test over the real client, transport, query cache and job events, with only the API
 * methods a test needs (no fake backend): `stub` answers them, and `events` emits server events.
 */
import type { ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { VersoApi } from '../../shared/api.js';
import type { DocumentDetail, Paragraph } from '../../shared/types.js';
import { ApiProvider } from '../src/api/ApiProvider.js';
import { JobsProvider } from '../src/api/jobs.js';
import { createEventHub, createMemoryTransport, type EventHub } from '../src/api/memoryTransport.js';
import { createQueryClient } from '../src/api/queryClient.js';

export interface HookHarness {
  wrapper: (props: { children: ReactNode }) => ReactNode;
  queryClient: QueryClient;
  events: EventHub;
}

export function hookHarness(stub: Partial<VersoApi>): HookHarness {
  const events = createEventHub();
  // A method the test did not stub fails loudly, as an unknown method would.
  const api = new Proxy(stub, {
    get: (target, name: string) => (target as Record<string, unknown>)[name] ?? (() => Promise.reject(new Error(`not stubbed: ${name}`))),
  }) as VersoApi;
  const transport = createMemoryTransport(api, events);
  const queryClient = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApiProvider transport={transport}>
      <QueryClientProvider client={queryClient}>
        <JobsProvider>{children}</JobsProvider>
      </QueryClientProvider>
    </ApiProvider>
  );
  return { wrapper, queryClient, events };
}

export function paragraph(i: number, over: Partial<Paragraph> = {}): Paragraph {
  return {
    id: `p${i}`,
    documentId: 'd1',
    index: i,
    kind: 'paragraph',
    marker: null,
    source: `Source ${i}.`,
    target: '',
    status: 'new',
    mt: null,
    signOff: null,
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...over,
  };
}

export function documentOf(paragraphs: Paragraph[], id = 'd1'): DocumentDetail {
  return {
    id,
    title: 'Story',
    sourceLang: 'en',
    targetLang: 'es',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    paragraphCount: paragraphs.length,
    signedOffCount: 0,
    paragraphs,
  };
}

/** A stubbed method's refusal: an Error carrying the code, which the memory transport turns into `{ ok: false }`. */
export function refuse(code: string, message: string): Promise<never> {
  return Promise.reject(Object.assign(new Error(message), { code }));
}
