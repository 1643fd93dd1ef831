import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { ApiResult } from '../../shared/api.js';
import type { EventListener as Listener } from '../jobs/eventHub.js';
import { startBridge, type Bridge } from './server.js';

let dir: string;
let bridge: Bridge;
let calls: Array<{ method: unknown; input: unknown }>;
let listeners: Set<Listener>;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verso-bridge-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Verso</title>');
  fs.writeFileSync(path.join(os.tmpdir(), 'verso-secret.txt'), 'secret');
  calls = [];
  listeners = new Set();
  bridge = await startBridge({
    port: 0,
    staticDir: dir,
    dispatch: async (method, input): Promise<ApiResult<unknown>> => {
      calls.push({ method, input });
      return { ok: true, value: { echoed: method } };
    },
    events: {
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    maxBodyBytes: 1024,
  });
});

afterEach(async () => {
  await bridge.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Raw request, so tests can send the headers a hostile page or a rebinding attack would. */
function request(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: bridge.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const invoke = (method: string, body: string, headers: Record<string, string> = {}) =>
  request({
    method: 'POST',
    path: `/api/invoke/${method}`,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}`, ...headers },
    body,
  });

describe('browser-mode bridge', () => {
  it('listens on loopback only and prints a URL with the token', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${bridge.token}`);
    expect(bridge.token.length).toBeGreaterThanOrEqual(40);
  });

  it('passes an authorised call to the dispatcher and returns its envelope', async () => {
    const res = await invoke('listDocuments', '{}');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { echoed: 'listDocuments' } });
    expect(calls).toEqual([{ method: 'listDocuments', input: {} }]);
  });

  it('refuses calls without the right token', async () => {
    expect((await invoke('listDocuments', '{}', { Authorization: '' })).status).toBe(401);
    expect((await invoke('listDocuments', '{}', { Authorization: 'Bearer nope' })).status).toBe(401);
    expect(calls).toHaveLength(0);
  });

  it('refuses other origins and foreign Host headers (DNS rebinding)', async () => {
    expect((await invoke('listDocuments', '{}', { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await invoke('listDocuments', '{}', { Host: `evil.example:${bridge.port}` })).status).toBe(403);
    expect((await invoke('listDocuments', '{}', { Origin: `http://127.0.0.1:${bridge.port}` })).status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it('rejects bad JSON, wrong content types and oversized bodies before dispatch', async () => {
    expect((await invoke('listDocuments', '{nope')).status).toBe(400);
    expect((await invoke('listDocuments', '{}', { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await invoke('importDocument', JSON.stringify({ x: 'y'.repeat(2000) }))).status).toBe(413);
    expect(calls).toHaveLength(0);
  });

  it('refuses a TMX import that names a file by its path (browser mode takes uploads only)', async () => {
    const input = { source: { kind: 'path', path: '/etc/passwd' }, sourceLang: 'en', targetLang: 'es', mode: 'merge' };
    const byPath = [
      ['startTmxImport', input],
      ['prepareTmxPrefill', { source: input.source, sourceLang: 'en' }],
      ['prefillFromTmx', { documentId: 'd1', source: input.source }],
    ] as const;
    for (const [method, body] of byPath) {
      const res = await invoke(method, JSON.stringify(body));
      expect(res.status, method).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('upload') } });
    }
    const upload = { ...input, source: { kind: 'upload', uploadId: 'a'.repeat(32) } };
    expect((await invoke('startTmxImport', JSON.stringify(upload))).status).toBe(200);
    expect(calls).toEqual([{ method: 'startTmxImport', input: upload }]);
  });

  it('serves the renderer with a strict CSP and never files outside its folder', async () => {
    const index = await request({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    expect((await request({ path: '/../verso-secret.txt' })).status).toBe(404);
    expect((await request({ path: '/%2e%2e/verso-secret.txt' })).status).toBe(404);
  });

  it('streams events to subscribers that hold the token', async () => {
    expect((await request({ path: '/api/events?token=wrong' })).status).toBe(401);
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: bridge.port, path: `/api/events?token=${bridge.token}` }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes(': connected') && !text.includes('jobProgress')) {
            for (const l of listeners) l('jobProgress', { jobId: 'j', documentId: 'd', state: 'running', done: 1, total: 2, error: null });
          }
          const at = text.indexOf('event: jobProgress');
          if (at >= 0 && text.includes('\n\n', at)) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', reject);
    });
    expect(received).toContain('event: jobProgress');
    expect(received).toContain('"done":1');
  });
});
