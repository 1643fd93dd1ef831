/**
 * Text hygiene through the whole main side (dispatch → zod → services → SQLite): typed titles,
 * names, comments, footer variables and edits refuse control and bidi characters with
 * TEXT_CONTROL_CHARACTER (or LIBRARY_TITLE_INVALID for a rename) and change nothing; imports
 * (HTML entities such as &#x1b;, raw control characters in text) never store ESC, NUL and the
 * like; the footer never carries them in {editor} or {publisher}.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api.js';
import type { DocumentDetail, Profile } from '../../shared/types.js';
import { createBackend, type Backend } from '../backend.js';
import { createFakeEngine } from '../testing/fakeEngine.js';
import { recordJobEvents } from '../testing/jobEvents.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

function start(): Backend {
  const dir = makeTempDir();
  // An engine whose replies carry terminal escapes and NUL (a hostile or broken server).
  const engine = createFakeEngine({ translate: (t) => `MT\u001b[2J ${t}\u0000\u009b` });
  const backend = createBackend({ dataDir: dir, mode: 'browser', version: '1.0.0', engines: [engine] });
  cleanups.push(() => {
    backend.close();
    removeTempDir(dir);
  });
  return backend;
}

async function call<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const r = (await backend.dispatch(method, input)) as ApiResult<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function refused(
  backend: Backend,
  method: string,
  input: unknown,
): Promise<{ code: string; message: string; details?: Record<string, unknown> }> {
  const r = await backend.dispatch(method, input);
  expect(r.ok, `${method} should be refused`).toBe(false);
  return (r as { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } }).error;
}

async function editor(backend: Backend, name = 'Ada Editor'): Promise<Profile> {
  return call<Profile>(backend, 'setProfile', { name, role: 'editor' });
}

async function importText(backend: Backend, text: string, format: 'txt' | 'md' | 'html' = 'txt', title?: string): Promise<DocumentDetail> {
  return call<DocumentDetail>(backend, 'importDocument', {
    source: { kind: 'text', text, format },
    sourceLang: 'en',
    targetLang: 'es',
    ...(title === undefined ? {} : { title }),
  });
}

function everyStoredText(backend: Backend): string[] {
  const db = new Database(backend.dbPath, { readonly: true });
  const rows = [
    ...(db.prepare('SELECT title FROM documents').pluck().all() as string[]),
    ...(db.prepare('SELECT source FROM paragraphs').pluck().all() as string[]),
    ...(db.prepare('SELECT target FROM paragraphs').pluck().all() as string[]),
    ...(db.prepare('SELECT name FROM profiles').pluck().all() as string[]),
  ];
  db.close();
  return rows;
}

describe('typed fields refuse control and bidi characters', () => {
  it.each([
    ['U+202E', 'Eve\u202Erotide'],
    ['U+001B', 'Eve\u001b]0;pwned\u0007'],
    ['U+0000', 'Eve\u0000'],
    ['U+2066', 'Eve \u2066x\u2069'],
    ['U+0085', 'Eve\u0085'],
  ])('a profile name with %s is refused with TEXT_CONTROL_CHARACTER', async (codePoint, name) => {
    const backend = start();
    const error = await refused(backend, 'setProfile', { name, role: 'editor' });
    expect(error.code).toBe('TEXT_CONTROL_CHARACTER');
    expect(error.details).toMatchObject({ codePoint, field: 'name' });
    expect(error.message).toContain(codePoint);
    expect(await call<Profile[]>(backend, 'listProfiles', {})).toEqual([]);
  });

  it('publisher, contact and the change reason refuse them; nothing is saved', async () => {
    const backend = start();
    await editor(backend);
    const before = await call<unknown>(backend, 'getSettings', {});
    for (const input of [
      { publisher: 'Daily \u202Eswen' },
      { publisher: 'Daily\u001b[2J News' },
      { contactEmail: 'news@example.org\u0000' },
      { publisher: 'Daily News', reason: 'because\u001b' },
    ]) {
      expect((await refused(backend, 'updateSettings', input)).code, JSON.stringify(input)).toBe('TEXT_CONTROL_CHARACTER');
    }
    expect(await call<unknown>(backend, 'getSettings', {})).toEqual(before);
  });

  it('comments keep line breaks and tabs but refuse ESC, NUL and bidi overrides', async () => {
    const backend = start();
    await editor(backend);
    const doc = await importText(backend, 'One paragraph.');
    const paragraphId = doc.paragraphs[0]!.id;
    expect((await refused(backend, 'addComment', { paragraphId, body: 'look\u001b[2J' })).code).toBe('TEXT_CONTROL_CHARACTER');
    expect((await refused(backend, 'addComment', { paragraphId, body: 'nul\u0000' })).code).toBe('TEXT_CONTROL_CHARACTER');
    expect((await refused(backend, 'addComment', { paragraphId, body: 'a \u202Ecba' })).code).toBe('TEXT_CONTROL_CHARACTER');
    await call(backend, 'addComment', { paragraphId, body: 'line one\nline\ttwo' });
  });

  it('a rename or an import title with a bidi override is refused; a typed import title too', async () => {
    const backend = start();
    await editor(backend);
    const doc = await importText(backend, 'One paragraph.');
    expect((await refused(backend, 'renameDocument', { documentId: doc.id, title: 'report\u202Etxt.exe' })).code).toBe(
      'LIBRARY_TITLE_INVALID',
    );
    expect((await refused(backend, 'renameDocument', { documentId: doc.id, title: 'report\u2067x' })).code).toBe('LIBRARY_TITLE_INVALID');
    const error = await refused(backend, 'importDocument', {
      source: { kind: 'text', text: 'x', format: 'txt' },
      sourceLang: 'en',
      targetLang: 'es',
      title: 'a\u202Eb',
    });
    expect(error.code).toBe('TEXT_CONTROL_CHARACTER');
  });

  it('an edit, a glossary term and a replacement never store NUL or ESC', async () => {
    const backend = start();
    await editor(backend);
    const doc = await importText(backend, 'One paragraph.');
    const paragraphId = doc.paragraphs[0]!.id;
    expect((await refused(backend, 'updateParagraphTarget', { paragraphId, target: 'Uno\u0000' })).code).toBe('TEXT_CONTROL_CHARACTER');
    expect((await refused(backend, 'updateParagraphTarget', { paragraphId, target: 'Uno\u001b[2J' })).code).toBe('TEXT_CONTROL_CHARACTER');
    await call(backend, 'updateParagraphTarget', { paragraphId, target: 'Uno\tdos' });
    expect(
      (await refused(backend, 'addGlossaryTerm', { sourceLang: 'en', targetLang: 'es', term: { source: 'a\u0000', target: 'b' } })).code,
    ).toBe('TEXT_CONTROL_CHARACTER');
    expect(everyStoredText(backend).filter((t) => UNSAFE.test(t))).toEqual([]);
  });
});

describe('imports never store control characters', () => {
  it('HTML entities &#x1b; &#7; &#x9b; and a bidi override: gone from the title, controls gone from paragraphs', async () => {
    const backend = start();
    await editor(backend);
    const html =
      '<html><head><title>t</title></head><body><article><h1>Budget&#x1b;]0;pwned&#7; report&#x202E;txt.exe</h1>' +
      '<p>Para&#x1b;[2J graph &#x9b;31m one.</p><p>\u05E9\u05DC\u05D5\u05DD &#x200F;(RTL) two.</p></article></body></html>';
    const doc = await importText(backend, html, 'html');
    expect(doc.title).not.toMatch(UNSAFE);
    expect(doc.title).not.toMatch(BIDI);
    expect(doc.title).toContain('Budget]0;pwned report');
    const texts = doc.paragraphs.map((p) => p.source);
    // &#x9b; is read as HTML reads it (Windows-1252: "›"); &#x1b; is dropped.
    expect(texts.some((t) => t.includes('Para[2J graph \u203A31m one.'))).toBe(true);
    // A bidi mark inside paragraph text stays: right-to-left text needs it.
    expect(texts.some((t) => t.includes('\u200F(RTL)'))).toBe(true);
    expect(everyStoredText(backend).filter((t) => UNSAFE.test(t))).toEqual([]);
  });

  it('raw ESC and C1 characters in plain text and Markdown are removed, tabs and line breaks kept', async () => {
    const backend = start();
    await editor(backend);
    // A few control characters in a long text (many would make it "binary", IMPORT_BINARY).
    const prose = 'The council met on Monday and agreed the budget. '.repeat(20).trim();
    const doc = await importText(backend, `# Title\u001b[2J with\u0085 junk\n\nBody\u001b]0;x\u0007 text\twith tab.\n\n${prose}`, 'md');
    expect(doc.title).toBe('Title[2J with junk');
    expect(doc.paragraphs.map((p) => p.source)).toEqual(['Title[2J with junk', 'Body]0;x text\twith tab.', prose]);
  });
});

describe('machine translation', () => {
  it('an engine reply with ESC, NUL or C1 characters is stored without them', async () => {
    const backend = start();
    await editor(backend);
    const doc = await importText(backend, 'One paragraph.\n\nTwo\tparagraphs.');
    const log = recordJobEvents(backend.events);
    const job = await call<{ jobId: string }>(backend, 'translateParagraphs', { documentId: doc.id });
    await log.final(job.jobId);
    log.stop();
    const after = await call<DocumentDetail>(backend, 'getDocument', { documentId: doc.id });
    expect(after.paragraphs.map((p) => [p.target, p.mt?.text])).toEqual([
      ['MT[2J One paragraph.', 'MT[2J One paragraph.'],
      ['MT[2J Two\tparagraphs.', 'MT[2J Two\tparagraphs.'],
    ]);
    expect(everyStoredText(backend).filter((t) => UNSAFE.test(t))).toEqual([]);
  });
});

describe('footer variables', () => {
  it('an {editor} name or publisher written into the file by SQL reaches the footer without control or bidi characters', async () => {
    const { renderFooter } = await import('../../shared/footer.js');
    const text = renderFooter(
      { lang: 'en', lines: ['Checked by {editor} for {publisher} ({contactEmail}).'] },
      {
        publisher: 'Daily\u202E News\u001b[2J',
        contactEmail: 'a@example.org',
        editor: 'Eve\u0000 \u2066Mallory\u2069',
      },
    );
    expect(text).toBe('Checked by Eve Mallory for Daily News[2J (a@example.org).');
  });
});
