/**
 * The bridge's edges: a body refused by its declared Content-Length before it is read, 400 for a
 * malformed method name, and per-method body limits that match the documented file limits.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../shared/api.js';
import { LIMITS } from '../../shared/limits.js';
import { TMX_MAX_BYTES } from '../../shared/memory/limits.js';
import { bodyLimitFor, SMALL_BODY_BYTES } from './bodyLimits.js';
import { startBridge, type Bridge } from './server.js';

const MB = 1024 * 1024;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function bridgeWithCalls(): Promise<{ bridge: Bridge; calls: { method: unknown; size: number }[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verso-bridge-limits-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Verso</title>');
  const calls: { method: unknown; size: number }[] = [];
  const bridge = await startBridge({
    port: 0,
    staticDir: dir,
    dispatch: async (method, input): Promise<ApiResult<unknown>> => {
      calls.push({ method, size: JSON.stringify(input).length });
      return { ok: true, value: null };
    },
    events: { subscribe: () => () => undefined },
  });
  cleanups.push(async () => {
    await bridge.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { bridge, calls };
}

/** POSTs `body` (a string, or `bytes` bytes of a JSON string streamed in pieces) and returns the status. */
function post(bridge: Bridge, pathName: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        method: 'POST',
        path: pathName,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}`, 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A JSON body of about `bytes` bytes: a base64-like string field. */
const bigJson = (bytes: number, field = 'dataBase64'): string => `{"${field}":"${'A'.repeat(Math.max(0, bytes - field.length - 7))}"}`;

describe('bridge body limits', () => {
  it('refuses by Content-Length at once: a declared 100 MB body gets 413 before any of it is read', async () => {
    const { bridge, calls } = await bridgeWithCalls();
    const outcome = await new Promise<{ status: number; sentBytes: number } | 'no answer'>((resolve, reject) => {
      let sentBytes = 0;
      const req = http.request({
        host: '127.0.0.1',
        port: bridge.port,
        method: 'POST',
        path: '/api/invoke/importDocument',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}`, 'Content-Length': String(100 * MB) },
      });
      req.on('response', (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, sentBytes });
        req.destroy();
      });
      req.on('error', (err) => (sentBytes > 0 ? undefined : reject(err)));
      // Only the headers and a few bytes are ever sent: a server that waits for the body never answers.
      req.write('{"source":');
      sentBytes += 10;
      const timer = setTimeout(() => {
        resolve('no answer');
        req.destroy();
      }, 5_000);
      cleanups.push(() => clearTimeout(timer));
    });
    expect(outcome).toEqual({ status: 413, sentBytes: 10 });
    expect(calls).toHaveLength(0);
  });

  it('answers 400, not 500, for a malformed method name, and logs no stack', async () => {
    const { bridge, calls } = await bridgeWithCalls();
    const logged = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const res = await post(bridge, '/api/invoke/%ZZ', '{}');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect((await post(bridge, '/api/invoke/%E0%A4%A', '{}')).status).toBe(400);
    expect(logged).not.toHaveBeenCalled();
    expect(calls).toHaveLength(0);
  });

  it('has limits per method that match the documented file limits (base64 included); other methods stay small', () => {
    expect(bodyLimitFor('importTmx')).toBeGreaterThanOrEqual(Math.ceil((TMX_MAX_BYTES * 4) / 3) + 64 * 1024);
    expect(bodyLimitFor('importDocument')).toBeGreaterThanOrEqual(Math.ceil((LIMITS.importFileBytes * 4) / 3) + 64 * 1024);
    expect(bodyLimitFor('alignBilingual')).toBeGreaterThanOrEqual(2 * Math.ceil((LIMITS.importFileBytes * 4) / 3));
    expect(bodyLimitFor('deleteDocument')).toBe(SMALL_BODY_BYTES);
    expect(bodyLimitFor('no-such-method')).toBe(SMALL_BODY_BYTES);
    // The small limit still takes the largest small call: a 100,000-character paragraph of escapes, 20,000 ids.
    expect(SMALL_BODY_BYTES).toBeGreaterThan(6 * LIMITS.paragraphChars + 20_000 * 70);
  });

  it('accepts a TMX import near its 50 MB limit (as base64) but refuses a 5 MB body for a small method', async () => {
    const { bridge, calls } = await bridgeWithCalls();
    // A 13 MB TMX and a 48 MB TMX, as the renderer sends them: base64 in JSON.
    for (const tmxBytes of [13 * MB, 48 * MB]) {
      const res = await post(bridge, '/api/invoke/importTmx', bigJson(Math.ceil((tmxBytes * 4) / 3) + 200));
      expect(res.status, `${tmxBytes} bytes`).toBe(200);
    }
    expect(calls.map((c) => c.method)).toEqual(['importTmx', 'importTmx']);
    expect((await post(bridge, '/api/invoke/deleteDocument', bigJson(5 * MB, 'documentId'))).status).toBe(413);
    expect(calls).toHaveLength(2);
  });
});
