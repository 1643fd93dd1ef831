/** The bridge's JSON answers and refusals. */
import type http from 'node:http';
import { SECURITY_HEADERS } from './securityHeaders.js';

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function refuse(res: http.ServerResponse, status: number, message: string): void {
  sendJson(res, status, { ok: false, error: { code: 'BAD_REQUEST', message } });
}

/** 413 without reading the body: the connection is closed after the answer, so the rest is never received. */
export function refuseTooLarge(req: http.IncomingMessage, res: http.ServerResponse, limit: number): void {
  const socket = req.socket;
  res.setHeader('Connection', 'close');
  res.once('finish', () => socket?.destroySoon());
  refuse(res, 413, `Request larger than ${limit} bytes`);
}
