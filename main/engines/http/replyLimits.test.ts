/**
 * Engine replies are bounded while they stream: a huge reply is cut off (the server sees the
 * connection closed long before it has sent everything) and reported as ENGINE_REPLY_TOO_LARGE.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../core/serviceError.js';
import { DEFAULT_HTTP_OPTIONS, replyLimitBytes, requestJson, type HttpOptions } from './httpClient.js';

const MB = 1024 * 1024;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});

interface HugeServer {
  url: string;
  /** Bytes the server managed to hand to the socket before the client went away. */
  sent(): number;
  /** Resolves when the reply ended (finished or cut off). */
  ended: Promise<'finished' | 'closed'>;
}

/** Streams `total` bytes of a JSON string in 64 KiB chunks, honouring backpressure. */
async function hugeServer(total: number, options: { declareLength?: boolean; status?: number } = {}): Promise<HugeServer> {
  let sent = 0;
  let settle!: (v: 'finished' | 'closed') => void;
  const ended = new Promise<'finished' | 'closed'>((r) => (settle = r));
  const server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(options.status ?? 200, {
      'Content-Type': 'application/json',
      ...(options.declareLength ? { 'Content-Length': String(total) } : {}),
    });
    const chunk = Buffer.alloc(64 * 1024, 'a'.charCodeAt(0));
    res.on('close', () => settle(res.writableFinished ? 'finished' : 'closed'));
    const pump = (): void => {
      while (sent < total && !res.destroyed) {
        const piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
        sent += piece.length;
        if (!res.write(piece)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    pump();
  });
  server.on('connection', (s) => closers.push(async () => void s.destroy()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => new Promise<void>((r) => server.close(() => r())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent: () => sent, ended };
}

const options = (patch: Partial<HttpOptions> = {}): HttpOptions => ({
  ...DEFAULT_HTTP_OPTIONS,
  timeoutMs: 30_000,
  maxRetries: 0,
  sleep: async () => undefined,
  ...patch,
});

async function failure(p: Promise<unknown>): Promise<ServiceError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ServiceError);
  return e as ServiceError;
}

describe('reply size limit', () => {
  it('is max(1 MB, 10 × the request body)', () => {
    expect(replyLimitBytes(0)).toBe(MB);
    expect(replyLimitBytes(1000)).toBe(MB);
    expect(replyLimitBytes(500_000)).toBe(5_000_000);
  });

  it('cuts a 50 MB reply off while it streams, without reading it whole: ENGINE_REPLY_TOO_LARGE, not a network error', async () => {
    const s = await hugeServer(50 * MB);
    const err = await failure(
      requestJson(
        { engine: 'Test', method: 'POST', url: `${s.url}/translate`, body: { q: 'Hello.' }, signal: new AbortController().signal },
        options(),
      ),
    );
    expect(err.code).toBe('ENGINE_REPLY_TOO_LARGE');
    expect(err.message).toMatch(/too large/i);
    expect(err.details).toMatchObject({ engine: 'Test', limitBytes: MB });
    expect(await s.ended).toBe('closed');
    // The client stopped reading at the limit: the server could not hand over the rest.
    expect(s.sent()).toBeLessThan(20 * MB);
  });

  it('refuses a reply whose declared length is over the limit before reading it', async () => {
    const s = await hugeServer(50 * MB, { declareLength: true });
    const err = await failure(
      requestJson({ engine: 'Test', method: 'GET', url: `${s.url}/languages`, signal: new AbortController().signal }, options()),
    );
    expect(err.code).toBe('ENGINE_REPLY_TOO_LARGE');
    expect(await s.ended).toBe('closed');
    expect(s.sent()).toBeLessThan(20 * MB);
  });

  it('reads no more than a little of a huge error reply', async () => {
    const s = await hugeServer(50 * MB, { status: 401 });
    const err = await failure(
      requestJson({ engine: 'Test', method: 'GET', url: `${s.url}/languages`, signal: new AbortController().signal }, options()),
    );
    expect(err.code).toBe('ENGINE_AUTH_FAILED');
    expect(await s.ended).toBe('closed');
    expect(s.sent()).toBeLessThan(20 * MB);
  });

  it('lets a reply within the limit through', async () => {
    const s = await hugeServer(0);
    void s;
    const ok = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ text: 'x'.repeat(900_000) }));
    });
    await new Promise<void>((r) => ok.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise<void>((r) => ok.close(() => r())));
    const url = `http://127.0.0.1:${(ok.address() as AddressInfo).port}/`;
    const reply = await requestJson({ engine: 'Test', method: 'GET', url, signal: new AbortController().signal }, options());
    expect((reply.body as { text: string }).text).toHaveLength(900_000);
  });
});
