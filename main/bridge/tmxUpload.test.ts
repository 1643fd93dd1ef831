/** `POST /api/upload/tmx` (issue 17): token and origin required, raw bytes streamed to a file, a size limit, nothing kept on refusal. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { tmxUploadPath, tmxUploadsDir } from '../memory/tmxUploads.js';
import { startBridge, type Bridge } from './server.js';

let dir: string;
let bridge: Bridge;
const LIMIT = 64 * 1024;

beforeEach(async () => {
  dir = makeTempDir();
  bridge = await startBridge({
    port: 0,
    staticDir: dir,
    dispatch: async () => ({ ok: true, value: null }),
    events: { subscribe: () => () => {} },
    token: 'secret-token',
    uploads: { dataDir: dir, maxBytes: LIMIT },
  });
});
afterEach(async () => {
  await bridge.close();
  removeTempDir(dir);
});

/** Sends the body in pieces (chunked, no Content-Length) unless `length` is given. */
function upload(
  body: Buffer,
  headers: Record<string, string> = {},
  length?: number,
): Promise<{ status: number; json: { ok: boolean; value?: { uploadId: string; bytes: number } } }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        method: 'POST',
        path: '/api/upload/tmx',
        headers: {
          Host: `127.0.0.1:${bridge.port}`,
          Authorization: 'Bearer secret-token',
          'Content-Type': 'application/octet-stream',
          ...(length !== undefined ? { 'Content-Length': String(length) } : {}),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text || '{}') as never }));
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) =>
      err.code === 'ECONNRESET' || err.code === 'EPIPE' ? resolve({ status: 413, json: { ok: false } }) : reject(err),
    );
    for (let at = 0; at < body.length; at += 4096) req.write(body.subarray(at, at + 4096));
    req.end();
  });
}

const files = () => (fs.existsSync(tmxUploadsDir(dir)) ? fs.readdirSync(tmxUploadsDir(dir)) : []);

describe('the TMX upload endpoint', () => {
  it('streams the raw body to a private file under the data directory and answers its id', async () => {
    const body = Buffer.from(`<tmx version="1.4">${'é'.repeat(20_000)}</tmx>`);
    const { status, json } = await upload(body);
    expect(status).toBe(200);
    const file = tmxUploadPath(dir, json.value!.uploadId)!;
    expect(json.value!.bytes).toBe(body.length);
    expect(fs.readFileSync(file).equals(body)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(path.dirname(file)).toBe(tmxUploadsDir(dir));
  });

  it('needs the token, the right origin and raw bytes', async () => {
    const body = Buffer.from('<tmx/>');
    expect((await upload(body, { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await upload(body, { Authorization: '' })).status).toBe(401);
    expect((await upload(body, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await upload(body, { Host: 'evil.example' })).status).toBe(403);
    expect((await upload(body, { 'Content-Type': 'application/json' })).status).toBe(415);
    expect(files()).toEqual([]);
  });

  it('refuses a declared size over the limit before reading, and a streamed body that grows over it, keeping nothing', async () => {
    expect((await upload(Buffer.alloc(LIMIT + 1, 0x41), {}, LIMIT + 1)).status).toBe(413);
    expect((await upload(Buffer.alloc(LIMIT * 3, 0x41))).status).toBe(413);
    expect(files()).toEqual([]);
    expect((await upload(Buffer.alloc(LIMIT, 0x41))).status).toBe(200);
  });
});
