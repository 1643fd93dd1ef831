/** Calls Verso's API over the loopback bridge from a test (set-up that the UI would make slow: big documents). */
import type { RunningServer } from './server.js';

export async function callApi<T = unknown>(server: RunningServer, method: string, input: unknown): Promise<T> {
  const response = await fetch(`${server.origin}/api/invoke/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
  return body.value as T;
}
