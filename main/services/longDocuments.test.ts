/**
 * Documents of 20,000 paragraphs through the services and their validated API (the dispatcher
 * every transport calls): import in each format past the old caps, translation (a stand-in engine),
 * bulk confirm and sign-off naming every paragraph, re-import and bilingual alignment. Nothing is
 * timed: each step must simply work at that size (the test timeout is the only clock).
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api.js';
import { LIMITS } from '../../shared/limits.js';
import type { DocumentDetail, JobProgress, ParagraphPage } from '../../shared/types.js';
import { createBackend, type Backend } from '../backend.js';
import { docxParts, makeZip } from '../import/testing/zipWriter.js';
import { createFakeEngine } from '../testing/fakeEngine.js';
import { recordJobEvents } from '../testing/jobEvents.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { actAs } from '../testing/actAs.js';

const N = LIMITS.documentParagraphs;
const LONG = 240_000;

/** A news-length paragraph (about 300 characters), different for every i. */
function paragraph(i: number): string {
  const places = ['the river town', 'the capital', 'the coastal district', 'the mountain villages', 'the old port'];
  return (
    `Paragraph ${i + 1}: officials in ${places[i % 5]} said on ${['Monday', 'Tuesday', 'Friday'][i % 3]} that ${(i * 37) % 900} homes ` +
    `had been checked after the storm, and that schools would reopen once roads were cleared, a spokesperson told reporters at the scene ` +
    `on the edge of the flooded square. Power was restored by evening.`
  );
}

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

const base64 = (s: string | Buffer): string => Buffer.from(s).toString('base64');

beforeAll(async () => {
  dir = makeTempDir();
  backend = createBackend({ dataDir: dir, mode: 'browser', version: 'test', engines: [createFakeEngine({ translate: (t) => `ES ${t}` })] });
  await call('setProfile', { name: 'Tomás', role: 'translator' });
});

afterAll(() => {
  backend.close();
  removeTempDir(dir);
});

describe(`documents of ${N.toLocaleString('en')} paragraphs`, () => {
  let doc: DocumentDetail;

  it(
    'imports pasted text of that many paragraphs (over 5 MB) and refuses one more',
    async () => {
      const text = Array.from({ length: N }, (_, i) => paragraph(i)).join('\n\n');
      expect(Buffer.byteLength(text)).toBeGreaterThan(5 * 1024 * 1024);
      doc = await call<DocumentDetail>('importDocument', {
        source: { kind: 'text', text, format: 'txt' },
        sourceLang: 'en',
        targetLang: 'es',
      });
      expect(doc.paragraphs).toHaveLength(N);
      expect(doc.paragraphs[N - 1]!.source).toBe(paragraph(N - 1));
      const tooMany = `${text}\n\nOne more paragraph than a document may have.`;
      expect(
        await refusal('importDocument', { source: { kind: 'text', text: tooMany, format: 'txt' }, sourceLang: 'en', targetLang: 'es' }),
      ).toBe('IMPORT_TOO_MANY_PARAGRAPHS');
    },
    LONG,
  );

  it(
    'translates every paragraph in one job, written in batches, with coalesced progress and the final count',
    async () => {
      const log = recordJobEvents(backend.events);
      const { jobId, total } = await call<{ jobId: string; total: number }>('translateParagraphs', { documentId: doc.id });
      expect(total).toBe(N);
      const final: JobProgress = await log.final(jobId);
      log.stop();
      expect(final).toMatchObject({ state: 'done', done: N, total: N, error: null });
      const running = log.events.filter((e) => e.jobId === jobId && e.state === 'running');
      // At most one event per 100 ms: 2,000 would take 200 s.
      expect(running.length).toBeLessThan(2_000);
      const after = await call<DocumentDetail>('getDocument', { documentId: doc.id });
      expect(after.paragraphs).toHaveLength(N);
      expect(after.paragraphs.every((p, i) => p.status === 'machine' && p.target === `ES ${paragraph(i)}`)).toBe(true);
      // The editor reads it back in pages (getParagraphPage): together exactly the document.
      const pages: ParagraphPage[] = [];
      for (let from: number | null = 0; from !== null; from = pages[pages.length - 1]!.next) {
        pages.push(await call<ParagraphPage>('getParagraphPage', { documentId: doc.id, from }));
      }
      expect(pages.length).toBeGreaterThan(1);
      expect(pages.flatMap((p) => p.paragraphs)).toEqual(after.paragraphs);
      const db = new Database(backend.dbPath, { readonly: true });
      const counts = db
        .prepare("SELECT count(*) AS revisions, count(DISTINCT paragraph_id) AS paragraphs FROM revisions WHERE action = 'mt'")
        .get();
      const provenance = db.prepare('SELECT count(*) AS n FROM mt_provenance').get() as { n: number };
      db.close();
      expect(counts).toEqual({ revisions: N, paragraphs: N });
      expect(provenance.n).toBe(N);
    },
    LONG,
  );

  it(
    'confirms and signs off every paragraph in one call each (every id named)',
    async () => {
      const ids = doc.paragraphs.map((p) => p.id);
      expect(ids.length).toBeLessThanOrEqual(LIMITS.paragraphIds);
      expect((await call<unknown[]>('confirmParagraphs', { paragraphIds: ids })).length).toBe(N);
      await actAs(backend.api, { name: 'Elena', role: 'editor' });
      expect((await call<unknown[]>('signOffParagraphs', { paragraphIds: ids })).length).toBe(N);
      await actAs(backend.api, { name: 'Tomás', role: 'translator' });
    },
    LONG,
  );

  it(
    're-imports a revised source of that size: every tenth paragraph reopened, the rest kept',
    async () => {
      const revised = Array.from({ length: N }, (_, i) =>
        i % 10 === 3 ? paragraph(i).replace('the storm', 'the second storm') : paragraph(i),
      ).join('\n\n');
      const { summary } = await call<{ summary: { unchanged: number; changed: number[]; added: number[]; removed: unknown[] } }>(
        'reimportDocument',
        {
          documentId: doc.id,
          source: { kind: 'text', text: revised, format: 'txt' },
        },
      );
      expect(summary.changed).toHaveLength(N / 10);
      expect(summary.unchanged).toBe(N - N / 10);
      expect(summary.added).toHaveLength(0);
      expect(summary.removed).toHaveLength(0);
    },
    LONG,
  );

  it(
    'imports an XLIFF file of that many units with targets and inline codes (over the old 10 MB)',
    async () => {
      const units = Array.from(
        { length: N },
        (_, i) =>
          `<trans-unit id="u${i}"><source>${paragraph(i).replace('the storm', '<g id="${i}">the storm</g>')}</source>` +
          `<target state="translated">Párrafo ${i + 1}: ${'traducción hecha en otra herramienta '.repeat(5)}</target>` +
          `<note>Checked by the desk on day ${i % 30}; see the style guide for numbers and names.</note></trans-unit>`,
      );
      const xliff = `<?xml version="1.0" encoding="UTF-8"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="es" datatype="plaintext" original="long.txt"><body>${units.join('')}</body></file></xliff>`;
      expect(xliff.length).toBeGreaterThan(10 * 1024 * 1024);
      const imported = await call<DocumentDetail>('importDocument', {
        source: { kind: 'file', fileName: 'long.xlf', dataBase64: base64(xliff) },
        sourceLang: 'en',
        targetLang: 'es',
      });
      expect(imported.paragraphs).toHaveLength(N);
      expect(imported.paragraphs[7]!.codes).toHaveLength(1);
      expect(imported.paragraphs[7]!.status).toBe('translated');
    },
    LONG,
  );

  it(
    'imports an HTML page and a Word file of that many paragraphs (the Word file has over 500,000 XML elements)',
    async () => {
      // A headline and N - 1 paragraphs: the headline is a paragraph too.
      const html = `<!doctype html><html><head><title>Long</title></head><body><article><h1>The long report</h1>${Array.from({ length: N - 1 }, (_, i) => `<p>${paragraph(i).replace('the storm', '<a href="https://example.org/storm">the storm</a>')}</p>`).join('\n')}</article></body></html>`;
      const page = await call<DocumentDetail>('importDocument', {
        source: { kind: 'file', fileName: 'long.html', dataBase64: base64(html) },
        sourceLang: 'en',
        targetLang: 'es',
      });
      expect(page.paragraphs).toHaveLength(N);
      expect(page.paragraphs[1]!.codes).toEqual([{ type: 'link', href: 'https://example.org/storm' }]);
      const run = (t: string, bold = false): string =>
        `<w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>${bold ? '<w:b/>' : ''}<w:color w:val="1A1A1A"/><w:sz w:val="22"/><w:lang w:val="en-GB"/></w:rPr><w:t xml:space="preserve">${t}</w:t></w:r>`;
      const body = Array.from({ length: N }, (_, i) => {
        const [a, b] = [paragraph(i).slice(0, 60), paragraph(i).slice(60)];
        return `<w:p><w:pPr><w:spacing w:after="120"/><w:jc w:val="both"/></w:pPr>${run(a)}${run('Breaking: ', true)}${run(b)}</w:p>`;
      }).join('');
      expect(body.split('<w:').length - 1).toBeGreaterThan(500_000);
      const word = await call<DocumentDetail>('importDocument', {
        source: { kind: 'file', fileName: 'long.docx', dataBase64: base64(makeZip(docxParts(body))) },
        sourceLang: 'en',
        targetLang: 'es',
      });
      expect(word.paragraphs).toHaveLength(N);
      expect(word.paragraphs[0]!.codes).toEqual([{ type: 'bold' }]);
    },
    LONG,
  );

  it(
    'aligns a bilingual pair of that size where the translator split ten paragraphs',
    async () => {
      const sources = Array.from({ length: N - 10 }, (_, i) => paragraph(i));
      const translations = sources.flatMap((s, i) => {
        const t = `Traducción ${s}`;
        return i % 2_000 === 7 ? [t.slice(0, 120), t.slice(120)] : [t];
      });
      const result = await call<{ proposal: string[]; uncertain: boolean[] }>('alignBilingual', {
        source: { kind: 'text', text: sources.join('\n\n'), format: 'txt' },
        translation: { kind: 'text', text: translations.join('\n\n'), format: 'txt' },
      });
      expect(result.proposal).toHaveLength(N - 10);
      const expected = (i: number): string => {
        const t = `Traducción ${paragraph(i)}`;
        return i % 2_000 === 7 ? `${t.slice(0, 120).trim()} ${t.slice(120).trim()}` : t;
      };
      expect(result.proposal.filter((t, i) => t !== expected(i))).toEqual([]);
      expect(result.uncertain.filter(Boolean)).toHaveLength(10);
    },
    LONG,
  );
});
