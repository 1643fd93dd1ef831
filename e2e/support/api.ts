/**
 * Calls browser mode's API from the test (Node), as the renderer does over the loopback bridge:
 * for setting up documents quickly and for reading back what is really stored.
 */
import type { DocumentDetail, Paragraph } from '../../shared/types.js';
import type { RunningServer } from './server.js';

export async function invoke<T>(server: Pick<RunningServer, 'origin' | 'token'>, method: string, input: unknown = {}): Promise<T> {
  const res = await fetch(`${server.origin}/api/invoke/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error.code} ${body.error.message}`);
  return body.value;
}

/** A Markdown document imported through the API (the profile must exist). */
export function importMarkdown(
  server: Pick<RunningServer, 'origin' | 'token'>,
  text: string,
  sourceLang = 'en',
  targetLang = 'es',
  title?: string,
): Promise<DocumentDetail> {
  return invoke<DocumentDetail>(server, 'importDocument', {
    source: { kind: 'text', text, format: 'md' },
    sourceLang,
    targetLang,
    ...(title ? { title } : {}),
  });
}

export async function storedParagraph(
  server: Pick<RunningServer, 'origin' | 'token'>,
  documentId: string,
  index: number,
): Promise<Paragraph> {
  const doc = await invoke<DocumentDetail>(server, 'getDocument', { documentId });
  return doc.paragraphs[index]!;
}
