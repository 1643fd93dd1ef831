/**
 * The port protocol and its two sides, over a real worker_threads MessageChannel (structured
 * clone, asynchronous delivery, as Electron's MessagePorts do).
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventHub } from '../jobs/eventHub.js';
import { nodePortEndpoint } from './endpoints.js';
import { createPortClient } from './portClient.js';
import { forwardEvents, serveRequests } from './portServer.js';
import { backendStoppedError, isBackendStopped, parseEvent, parseReply, parseRequest } from './protocol.js';
import type { ApiResult } from '../../shared/api.js';
import type { JobProgress } from '../../shared/types.js';

const open: MessagePort[] = [];
afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

function channel() {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  return { near: nodePortEndpoint(port1), far: nodePortEndpoint(port2) };
}

const progress: JobProgress = { jobId: 'j1', documentId: 'd1', state: 'running', done: 1, total: 3, error: null };

describe('protocol messages', () => {
  it('reads a request, and says why a malformed one is refused', () => {
    expect(parseRequest({ kind: 'request', id: 7, method: 'listProfiles', input: {} })).toEqual({
      ok: true,
      request: { kind: 'request', id: 7, method: 'listProfiles', input: {} },
    });
    expect(parseRequest({ kind: 'request', id: 7, method: '' })).toEqual({ ok: false, id: 7, reason: 'the request names no method' });
    expect(parseRequest({ kind: 'request', id: 7, method: 'x'.repeat(101) })).toMatchObject({ ok: false, id: 7 });
    for (const id of [0, -1, 1.5, '7', null, Number.MAX_SAFE_INTEGER + 2]) {
      expect(parseRequest({ kind: 'request', id, method: 'listProfiles' })).toEqual({
        ok: false,
        id: null,
        reason: 'the request has no valid id',
      });
    }
    // Not requests at all: none of the protocol's business to answer.
    for (const data of [null, 'request', [], { kind: 'reply', id: 1 }, { kind: 'start' }]) expect(parseRequest(data)).toBeNull();
  });

  it('reads a reply only with a well-formed result', () => {
    expect(parseReply({ kind: 'reply', id: 1, result: { ok: true, value: [1] } })).toEqual({
      kind: 'reply',
      id: 1,
      result: { ok: true, value: [1] },
    });
    const error = { code: 'BAD_REQUEST', message: 'No.', details: { field: 'name' } };
    expect(parseReply({ kind: 'reply', id: 2, result: { ok: false, error } })).toEqual({
      kind: 'reply',
      id: 2,
      result: { ok: false, error },
    });
    for (const result of [
      null,
      { ok: 'yes' },
      { ok: false },
      { ok: false, error: { code: 1, message: '' } },
      { ok: false, error: { code: 'X', message: 'm', details: 'text' } },
    ]) {
      expect(parseReply({ kind: 'reply', id: 3, result })).toBeNull();
    }
    expect(parseReply({ kind: 'reply', result: { ok: true } })).toBeNull();
  });

  it('reads an event with a name', () => {
    expect(parseEvent({ kind: 'event', name: 'jobProgress', payload: progress })).toEqual({
      kind: 'event',
      name: 'jobProgress',
      payload: progress,
    });
    expect(parseEvent({ kind: 'event', payload: progress })).toBeNull();
  });

  it('marks the error of a stopped backend', () => {
    const error = backendStoppedError('It stopped.');
    expect(error).toEqual({ code: 'INTERNAL', message: 'It stopped.', details: { reason: 'backend-stopped', restarting: true } });
    expect(backendStoppedError('For good.', false).details).toEqual({ reason: 'backend-stopped', restarting: false });
    expect(isBackendStopped(error)).toBe(true);
    expect(isBackendStopped({ code: 'INTERNAL', message: 'Other.' })).toBe(false);
  });
});

describe('client and server over a MessagePort', () => {
  it('round-trips calls, matched by id even when answered out of order', async () => {
    const { near, far } = channel();
    const release: (() => void)[] = [];
    serveRequests(far, (method, input) =>
      method === 'slow'
        ? new Promise<ApiResult<unknown>>((resolve) => release.push(() => resolve({ ok: true, value: 'slow done' })))
        : Promise.resolve({ ok: true, value: { method, input } }),
    );
    const client = createPortClient();
    client.attach(near);
    const slow = client.invoke('slow', {});
    const fast = await client.invoke('echo', { bytes: new Uint8Array([1, 2]) });
    expect(fast).toEqual({ ok: true, value: { method: 'echo', input: { bytes: new Uint8Array([1, 2]) } } });
    expect(client.pending).toBe(1);
    release[0]!();
    expect(await slow).toEqual({ ok: true, value: 'slow done' });
    expect(client.pending).toBe(0);
  });

  it('refuses a malformed request with BAD_REQUEST and a failing dispatch with INTERNAL', async () => {
    const { near, far } = channel();
    serveRequests(far, () => Promise.reject(new Error('disk on fire')));
    const replies: unknown[] = [];
    near.listen((data) => replies.push(data));
    near.post({ kind: 'request', id: 5, method: 7 });
    near.post({ kind: 'request', id: 'x', method: 'm' }); // no id: nothing to answer
    near.post({ kind: 'request', id: 6, method: 'listProfiles', input: {} });
    while (replies.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(replies).toEqual([
      { kind: 'reply', id: 5, result: { ok: false, error: { code: 'BAD_REQUEST', message: 'Refused: the request names no method.' } } },
      { kind: 'reply', id: 6, result: { ok: false, error: { code: 'INTERNAL', message: 'disk on fire' } } },
    ]);
  });

  it('a reply that cannot be cloned still answers the call', async () => {
    const { near, far } = channel();
    serveRequests(far, () => Promise.resolve({ ok: true, value: { fn: () => 1 } }));
    const client = createPortClient();
    client.attach(near);
    const result = await client.invoke('anything', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^The reply could not be sent/);
  });

  it('an input that cannot be cloned fails that call only', async () => {
    const { near, far } = channel();
    serveRequests(far, () => Promise.resolve({ ok: true, value: 'fine' }));
    const client = createPortClient();
    client.attach(near);
    const bad = await client.invoke('x', { fn: () => 1 });
    expect(bad.ok === false && bad.error.code).toBe('BAD_REQUEST');
    expect(await client.invoke('x', {})).toEqual({ ok: true, value: 'fine' });
  });

  it('delivers events to the listeners of their name until they unsubscribe', async () => {
    const { near, far } = channel();
    const hub = createEventHub();
    forwardEvents(far, hub);
    const client = createPortClient();
    client.attach(near);
    const got: unknown[] = [];
    const other: unknown[] = [];
    const unsubscribe = client.subscribe('jobProgress', (p) => got.push(p));
    client.subscribe('somethingElse', (p) => other.push(p));
    hub.emit('jobProgress', progress);
    while (got.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(got).toEqual([progress]);
    expect(other).toEqual([]);
    unsubscribe();
    hub.emit('jobProgress', { ...progress, done: 2 });
    // A call after the event is answered after it: the event had its turn.
    serveRequests(far, () => Promise.resolve({ ok: true, value: null }));
    await client.invoke('ping', {});
    expect(got).toEqual([progress]);
  });

  it('calls made before a port is attached wait for it', async () => {
    const { near, far } = channel();
    serveRequests(far, (method) => Promise.resolve({ ok: true, value: method }));
    const client = createPortClient();
    const early = client.invoke('early', {});
    client.attach(near);
    expect(await early).toEqual({ ok: true, value: 'early' });
  });

  it('detach answers the calls in flight and later calls with the error; a new port serves again', async () => {
    const first = channel();
    serveRequests(first.far, () => new Promise(() => undefined)); // never answers
    const client = createPortClient();
    client.attach(first.near);
    const inFlight = client.invoke('hangs', {});
    const stopped = backendStoppedError('The background process stopped; it is being restarted.');
    client.detach(stopped);
    expect(await inFlight).toEqual({ ok: false, error: stopped });
    expect(await client.invoke('later', {})).toEqual({ ok: false, error: stopped });
    const second = channel();
    serveRequests(second.far, () => Promise.resolve({ ok: true, value: 'back' }));
    client.attach(second.near);
    expect(await client.invoke('again', {})).toEqual({ ok: true, value: 'back' });
  });
});
