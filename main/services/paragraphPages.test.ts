/**
 * `getParagraphPage` through the validated API (the dispatcher every transport calls): the pages of
 * a document add up to exactly what `getDocument` returns, a page stops at its count or its text
 * budget, and bad input is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api.js';
import { LIMITS } from '../../shared/limits.js';
import type { DocumentDetail, JobProgress, Paragraph, ParagraphPage } from '../../shared/types.js';
import { createBackend, type Backend } from '../backend.js';
import { createFakeEngine } from '../testing/fakeEngine.js';
import { recordJobEvents } from '../testing/jobEvents.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { withinTextBudget } from './documentService.js';

let dir: string;
let backend: Backend;

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = (await backend.dispatch(method, input)) as ApiResult<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function refusal(method: string, input: unknown): Promise<string> {
  const result = await backend.dispatch(method, input);
  if (result.ok) throw new Error(`${method} was expected to fail`);
  return result.error.code;
}

async function importText(paragraphs: string[]): Promise<DocumentDetail> {
  return call<DocumentDetail>('importDocument', {
    source: { kind: 'text', text: paragraphs.join('\n\n'), format: 'txt' },
    sourceLang: 'en',
    targetLang: 'es',
  });
}

async function translate(documentId: string): Promise<void> {
  const log = recordJobEvents(backend.events);
  const { jobId } = await call<{ jobId: string }>('translateParagraphs', { documentId });
  const final: JobProgress = await log.final(jobId);
  log.stop();
  expect(final.state).toBe('done');
}

/** Every page from the start, as the editor reads them. */
async function allPages(documentId: string, limit?: number): Promise<ParagraphPage[]> {
  const pages: ParagraphPage[] = [];
  let from: number | null = 0;
  while (from !== null) {
    const page: ParagraphPage = await call<ParagraphPage>('getParagraphPage', { documentId, from, ...(limit ? { limit } : {}) });
    pages.push(page);
    from = page.next;
  }
  return pages;
}

beforeAll(async () => {
  dir = makeTempDir();
  backend = createBackend({ dataDir: dir, mode: 'browser', version: 'test', engines: [createFakeEngine({ translate: (t) => `ES ${t}` })] });
  await call('setProfile', { name: 'Tomás', role: 'translator' });
});

afterAll(() => {
  backend.close();
  removeTempDir(dir);
});

describe('getParagraphPage', () => {
  it('reads a translated document in pages of the default size that add up to getDocument, in order', async () => {
    const n = LIMITS.paragraphPageDefault * 2 + 345;
    const doc = await importText(Array.from({ length: n }, (_, i) => `Paragraph number ${i + 1} of the long story.`));
    await translate(doc.id);
    const whole = await call<DocumentDetail>('getDocument', { documentId: doc.id });
    const pages = await allPages(doc.id);
    expect(pages.map((p) => p.paragraphs.length)).toEqual([LIMITS.paragraphPageDefault, LIMITS.paragraphPageDefault, 345]);
    expect(pages.map((p) => p.next)).toEqual([LIMITS.paragraphPageDefault, LIMITS.paragraphPageDefault * 2, null]);
    expect(pages.every((p) => p.total === n)).toBe(true);
    expect(pages.flatMap((p) => p.paragraphs)).toEqual(whole.paragraphs);
    expect(whole.paragraphs[n - 1]).toMatchObject({ status: 'machine', target: `ES Paragraph number ${n} of the long story.` });
  });

  it('honours a smaller limit, starts at any position and ends after the last paragraph', async () => {
    const doc = await importText(['One.', 'Two.', 'Three.', 'Four.', 'Five.']);
    const pages = await allPages(doc.id, 2);
    expect(pages.map((p) => p.paragraphs.map((x) => x.source))).toEqual([['One.', 'Two.'], ['Three.', 'Four.'], ['Five.']]);
    expect(await call<ParagraphPage>('getParagraphPage', { documentId: doc.id, from: 3, limit: 5 })).toMatchObject({
      paragraphs: [{ source: 'Four.' }, { source: 'Five.' }],
      next: null,
      total: 5,
    });
    expect(await call<ParagraphPage>('getParagraphPage', { documentId: doc.id, from: 99 })).toEqual({
      paragraphs: [],
      next: null,
      total: 5,
    });
    // Exactly one page's worth: no empty page after it.
    expect((await allPages(doc.id, 5)).map((p) => [p.paragraphs.length, p.next])).toEqual([[5, null]]);
  });

  it('ends a page early when its text passes the budget (long paragraphs), never with no paragraph', async () => {
    // About 19,000 characters each, source + target + MT: some 17 to a page of 1,000,000 characters.
    const long = (i: number): string => `Long paragraph ${i}: ${'the council met again and said little. '.repeat(480)}`;
    const doc = await importText(Array.from({ length: 40 }, (_, i) => long(i)));
    await translate(doc.id);
    const pages = await allPages(doc.id);
    const sizes = pages.map((p) => p.paragraphs.length);
    expect(sizes.length).toBeGreaterThan(2);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(40);
    for (const page of pages) {
      const chars = page.paragraphs.reduce((n, p) => n + p.source.length + p.target.length + (p.mt?.text.length ?? 0), 0);
      expect(chars).toBeLessThanOrEqual(LIMITS.paragraphPageChars);
    }
    expect(pages.flatMap((p) => p.paragraphs)).toEqual((await call<DocumentDetail>('getDocument', { documentId: doc.id })).paragraphs);
  });

  it('refuses bad input and an unknown document', async () => {
    const doc = await importText(['One.']);
    for (const input of [
      { documentId: doc.id },
      { documentId: doc.id, from: -1 },
      { documentId: doc.id, from: 1.5 },
      { documentId: doc.id, from: '0' },
      { documentId: doc.id, from: 0, limit: 0 },
      { documentId: doc.id, from: 0, limit: LIMITS.paragraphPage + 1 },
      { documentId: doc.id, from: 0, extra: true },
      { documentId: '', from: 0 },
    ]) {
      expect(await refusal('getParagraphPage', input)).toBe('BAD_REQUEST');
    }
    expect(await refusal('getParagraphPage', { documentId: 'no-such-document', from: 0 })).toBe('DOCUMENT_NOT_FOUND');
  });
});

describe('withinTextBudget', () => {
  const p = (chars: number): Paragraph => ({ source: 'x'.repeat(chars), target: '', mt: null }) as unknown as Paragraph;

  it('keeps the leading paragraphs that fit, and always the first one', () => {
    expect(withinTextBudget([p(100), p(100), p(100)], 1000)).toHaveLength(2);
    expect(withinTextBudget([p(5000), p(1)], 1000)).toHaveLength(1);
    expect(withinTextBudget([], 1000)).toEqual([]);
    expect(withinTextBudget([p(1), p(1)], 10_000)).toHaveLength(2);
  });
});
