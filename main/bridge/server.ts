/**
 * Browser mode: a loopback-only HTTP server that serves the built renderer and the same API the
 * Electron preload exposes. Every API call needs the per-run random token; requests from another
 * Origin or Host (cross-site pages, DNS rebinding) are refused.
 *
 *   POST /api/invoke/<method>   Authorization: Bearer <token>, JSON body → ApiResult JSON
 *   GET  /api/events?token=…    Server-Sent Events (`event: jobProgress`)
 *   POST /api/upload/tmx        Authorization: Bearer <token>, raw bytes (application/octet-stream)
 *                               streamed to a file (tmxUpload.ts) → { ok, value: { uploadId, bytes } }
 *
 * Bodies are limited per method (bodyLimits.ts): a declared Content-Length over the limit is refused
 * (413) before a byte of the body is read, and the connection closed.
 */
import http from 'node:http';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { ApiResult } from '../../shared/api.js';
import type { EventListener } from '../jobs/eventHub.js';
import { appLog, logFailure } from '../core/log/logger.js';
import { bodyLimitFor, LARGEST_BODY_BYTES } from './bodyLimits.js';
import { resolveStaticPath, sendStaticFile } from './staticFiles.js';
import { SECURITY_HEADERS } from './securityHeaders.js';
import { receiveTmxUpload, type UploadOptions } from './tmxUpload.js';
import { refuse, refuseTooLarge, sendJson } from './replies.js';
import { pathSourceRefusal } from './pathSources.js';

export interface BridgeEvents {
  subscribe(listener: EventListener): () => void;
}

export interface BridgeOptions {
  port: number;
  staticDir: string;
  dispatch: (method: unknown, input: unknown) => Promise<ApiResult<unknown>>;
  events: BridgeEvents;
  /** Fixed token (tests); default: 32 random bytes. */
  token?: string;
  /** Largest request body accepted for any method, in bytes (tests); the per-method limits apply below it. */
  maxBodyBytes?: number;
  /** Where `POST /api/upload/tmx` streams files (issue 17); absent: no uploads. */
  uploads?: UploadOptions;
}

export interface Bridge {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/** The largest request of any method (a TMX file at its limit, as base64); each method has its own (bodyLimits.ts). */
export const BRIDGE_MAX_BODY_BYTES = LARGEST_BODY_BYTES;

function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** The method named in `/api/invoke/<method>`, or null when its escapes are malformed (%ZZ). */
function methodOf(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice('/api/invoke/'.length));
  } catch {
    return null;
  }
}

async function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
  const maxBody = options.maxBodyBytes ?? BRIDGE_MAX_BODY_BYTES;
  const sseClients = new Set<http.ServerResponse>();
  let port = 0;

  const allowedHosts = (): string[] => [`${HOST}:${port}`, `localhost:${port}`];
  const allowedOrigins = (): string[] => allowedHosts().map((h) => `http://${h}`);

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      logFailure(appLog(), 'bridge error', err);
      if (!res.headersSent) refuse(res, 500, 'Internal error');
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // DNS-rebinding defence: only our own loopback host names.
    if (!req.headers.host || !allowedHosts().includes(req.headers.host)) {
      return refuse(res, 403, 'Forbidden host');
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    } catch {
      return refuse(res, 400, 'Malformed URL');
    }
    const isApi = url.pathname.startsWith('/api/');
    if (isApi) {
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins().includes(origin)) return refuse(res, 403, 'Forbidden origin');
      const fetchSite = req.headers['sec-fetch-site'];
      if (fetchSite === 'cross-site') return refuse(res, 403, 'Forbidden origin');
    }

    if (url.pathname === '/api/events' && req.method === 'GET') {
      if (!tokensEqual(url.searchParams.get('token') ?? '', token)) return refuse(res, 401, 'Missing or wrong token');
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }

    if (url.pathname === '/api/upload/tmx' && options.uploads) {
      if (req.method !== 'POST') return refuse(res, 405, 'Use POST');
      const auth = req.headers.authorization ?? '';
      if (!tokensEqual(auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '', token))
        return refuse(res, 401, 'Missing or wrong token');
      return receiveTmxUpload(req, res, options.uploads);
    }

    if (url.pathname.startsWith('/api/invoke/')) {
      if (req.method !== 'POST') return refuse(res, 405, 'Use POST');
      const auth = req.headers.authorization ?? '';
      const given = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '';
      if (!tokensEqual(given, token)) return refuse(res, 401, 'Missing or wrong token');
      const type = req.headers['content-type'] ?? '';
      if (!type.startsWith('application/json')) return refuse(res, 415, 'Send JSON');
      const method = methodOf(url.pathname);
      if (method === null) return refuse(res, 400, 'Malformed method name');
      const limit = Math.min(maxBody, bodyLimitFor(method));
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (Number.isFinite(declared) && declared > limit) return refuseTooLarge(req, res, limit);
      const body = await readBody(req, limit);
      if (body === null) return refuseTooLarge(req, res, limit);
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body);
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'BAD_REQUEST', message: 'Body is not valid JSON' } });
      }
      const refusal = pathSourceRefusal(input);
      if (refusal) return sendJson(res, 400, { ok: false, error: refusal });
      const result = await options.dispatch(method, input);
      return sendJson(res, 200, result);
    }

    if (isApi) return refuse(res, 404, 'Not found');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
    const file = resolveStaticPath(options.staticDir, url.pathname);
    if (!file) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    sendStaticFile(res, file, SECURITY_HEADERS);
  }

  const unsubscribe = options.events.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });
  const heartbeat = setInterval(() => {
    for (const client of sseClients) client.write(': ping\n\n');
  }, 15_000);
  heartbeat.unref();

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST, () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${HOST}:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            clearInterval(heartbeat);
            unsubscribe();
            for (const client of sseClients) client.end();
            sseClients.clear();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
