import { describe, expect, it } from 'vitest';
import { ApiCallError, METHOD_NAMES, type ApiResult, type ApiTransport } from '../../../shared/api.js';
import type { JobProgress } from '../../../shared/types.js';
import { createApiClient } from './client.js';
import { createElectronTransport } from './electronTransport.js';
import { createHttpTransport, UNAUTHORISED_MESSAGE, type EventSourceLike } from './httpTransport.js';

const progress: JobProgress = { jobId: 'j1', documentId: 'd1', state: 'running', done: 1, total: 3, error: null };

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

class FakeEventSource implements EventSourceLike {
  static instances: FakeEventSource[] = [];
  readonly listeners = new Map<string, Set<(event: MessageEvent) => void>>();
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }
  removeEventListener(type: string, listener: (event: MessageEvent) => void): void {
    this.listeners.get(type)?.delete(listener);
  }
  close(): void {
    this.closed = true;
  }
  dispatch(type: string, data: string): void {
    for (const l of this.listeners.get(type) ?? []) l(new MessageEvent(type, { data }));
  }
}

/** A transport answering from a table, as the backend would (the real one: main/testing/rendererBackend.test.ts). */
function tableTransport(answers: Partial<Record<string, ApiResult<unknown>>>): ApiTransport & { invoked: [string, unknown][] } {
  const invoked: [string, unknown][] = [];
  return {
    invoked,
    async invoke(method, input) {
      invoked.push([method, input]);
      return (answers[method] ?? { ok: false, error: { code: 'INTERNAL', message: `no answer for ${method}` } }) as never;
    },
    subscribe: () => () => undefined,
  };
}

describe('createApiClient', () => {
  it('has a function for every method, resolves values and throws ApiCallError on {ok:false}', async () => {
    const transport = tableTransport({
      getProfile: { ok: true, value: null },
      setProfile: { ok: true, value: { id: 'p1', name: 'Ada', role: 'editor', createdAt: '2026-01-01T00:00:00.000Z' } },
      getSettings: { ok: false, error: { code: 'SETTINGS_INVALID', message: 'bad', details: { field: 'contactEmail' } } },
    });
    const client = createApiClient(transport);
    for (const method of METHOD_NAMES) expect(typeof client[method]).toBe('function');
    await expect(client.getProfile({})).resolves.toBeNull();
    const profile = await client.setProfile({ name: 'Ada', role: 'editor' });
    expect(profile.name).toBe('Ada');
    expect(transport.invoked).toEqual([
      ['getProfile', {}],
      ['setProfile', { name: 'Ada', role: 'editor' }],
    ]);

    const failure = await client.getSettings({}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiCallError);
    expect((failure as ApiCallError).error).toEqual({ code: 'SETTINGS_INVALID', message: 'bad', details: { field: 'contactEmail' } });
  });
});

describe('createHttpTransport', () => {
  it('POSTs JSON with the bearer token to /api/invoke/<method> and returns the envelope', async () => {
    const requests: { url: string; init: RequestInit }[] = [];
    const transport = createHttpTransport({
      baseUrl: 'http://127.0.0.1:4321',
      token: 'secret',
      fetch: async (url, init) => {
        requests.push({ url: typeof url === 'string' ? url : 'url' in url ? url.url : url.href, init: init ?? {} });
        return jsonResponse(200, { ok: true, value: { deleted: true } });
      },
      EventSource: FakeEventSource,
    });
    const result = await transport.invoke('deleteDocument', { documentId: 'd1' });
    expect(result).toEqual({ ok: true, value: { deleted: true } });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe('http://127.0.0.1:4321/api/invoke/deleteDocument');
    expect(requests[0]!.init.method).toBe('POST');
    expect(requests[0]!.init.headers).toEqual({ Authorization: 'Bearer secret', 'Content-Type': 'application/json' });
    expect(JSON.parse(requests[0]!.init.body as string)).toEqual({ documentId: 'd1' });
  });

  it('keeps small requests (autosaves) alive past the page, never large ones', async () => {
    const inits: RequestInit[] = [];
    const transport = createHttpTransport({
      baseUrl: 'http://127.0.0.1:4321',
      token: 'secret',
      fetch: async (_url, init) => {
        inits.push(init ?? {});
        return jsonResponse(200, { ok: true, value: null });
      },
      EventSource: FakeEventSource,
    });
    await transport.invoke('updateParagraphTarget', { paragraphId: 'p1', target: 'La casa es roja.' });
    await transport.invoke('updateParagraphTarget', { paragraphId: 'p1', target: 'x'.repeat(20_000) });
    expect(inits.map((i) => i.keepalive)).toEqual([true, false]);
  });

  it('passes refusals through and maps 401, non-JSON and network failures to INTERNAL', async () => {
    const answers: (() => Promise<Response>)[] = [
      async () => jsonResponse(200, { ok: false, error: { code: 'IMPORT_EMPTY', message: 'empty' } }),
      async () => jsonResponse(401, { ok: false, error: { code: 'BAD_REQUEST', message: 'Missing or wrong token' } }),
      async () => new Response('<html>proxy error</html>', { status: 502 }),
      async () => {
        throw new TypeError('Failed to fetch');
      },
    ];
    const transport = createHttpTransport({
      baseUrl: 'http://127.0.0.1:1',
      token: 't',
      fetch: () => answers.shift()!(),
      EventSource: FakeEventSource,
    });
    const results: ApiResult<unknown>[] = [];
    for (let i = 0; i < 4; i++) results.push(await transport.invoke('getProfile', {}));
    expect(results[0]).toEqual({ ok: false, error: { code: 'IMPORT_EMPTY', message: 'empty' } });
    expect(results[1]).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: UNAUTHORISED_MESSAGE } });
    expect(results[2]).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(results[3]).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'Failed to fetch' } });
  });

  it('shares one EventSource between subscribers, parses SSE data and closes when the last one leaves', () => {
    FakeEventSource.instances = [];
    const transport = createHttpTransport({
      baseUrl: 'http://127.0.0.1:9/',
      token: 'a b',
      fetch: async () => jsonResponse(200, { ok: true, value: null }),
      EventSource: FakeEventSource,
    });
    const a: JobProgress[] = [];
    const b: JobProgress[] = [];
    const offA = transport.subscribe('jobProgress', (p) => a.push(p));
    const offB = transport.subscribe('jobProgress', (p) => b.push(p));
    expect(FakeEventSource.instances).toHaveLength(1);
    const source = FakeEventSource.instances[0]!;
    expect(source.url).toBe('http://127.0.0.1:9/api/events?token=a%20b');

    source.dispatch('jobProgress', JSON.stringify(progress));
    source.dispatch('jobProgress', 'not json');
    expect(a).toEqual([progress]);
    expect(b).toEqual([progress]);

    offA();
    source.dispatch('jobProgress', JSON.stringify({ ...progress, done: 2 }));
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(2);
    expect(source.closed).toBe(false);
    offB();
    expect(source.closed).toBe(true);
  });
});

describe('createElectronTransport', () => {
  it('invokes the preload bridge, checks the envelope and forwards events', async () => {
    const invoked: [string, unknown][] = [];
    let emit: ((payload: unknown) => void) | null = null;
    const transport = createElectronTransport({
      invoke: async (method, input) => {
        invoked.push([method, input]);
        if (method === 'getProfile') return { ok: true, value: null };
        if (method === 'getSettings') return 'garbage';
        throw new Error('IPC channel closed');
      },
      subscribe: (event, listener) => {
        expect(event).toBe('jobProgress');
        emit = listener;
        return () => {
          emit = null;
        };
      },
    });
    expect(await transport.invoke('getProfile', {})).toEqual({ ok: true, value: null });
    expect(await transport.invoke('getSettings', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await transport.invoke('listDocuments', {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: 'IPC channel closed' },
    });
    expect(invoked.map(([m]) => m)).toEqual(['getProfile', 'getSettings', 'listDocuments']);

    const seen: JobProgress[] = [];
    const off = transport.subscribe('jobProgress', (p) => seen.push(p));
    emit!(progress);
    off();
    expect(emit).toBeNull();
    expect(seen).toEqual([progress]);
  });
});
