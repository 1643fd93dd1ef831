/**
 * The hostile corpus: every broken or malicious file gets its specific, translated error, the
 * database stays byte-for-byte the same in content, and the app keeps answering. Small files are
 * committed in fixtures/hostile/ (expected.json names each one's error); big ones are made here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/types.js';
import { createBackend, type Backend } from '../backend.js';
import { createFakeEngine } from '../testing/fakeEngine.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { IMPORT_LIMITS } from './limits.js';
import { BINARY_KINDS } from './sniff.js';
import { dbDigest } from './testing/dbDigest.js';

const FIXTURES = path.join(__dirname, 'fixtures', 'hostile');
const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as Record<
  string,
  { code: string; why: string; details?: Record<string, unknown> }
>;

const LOCALES_DIR = path.resolve(__dirname, '../../renderer/src/i18n/locales');

function featureLocale(lang: 'en' | 'de') {
  return JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, lang, 'importing.json'), 'utf8')) as {
    errors: Record<string, string>;
    importing: { fileKind: Record<string, string> };
  };
}

function localeErrors(lang: 'en' | 'de'): Record<string, string> {
  const core = JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, `${lang}.json`), 'utf8')) as { errors: Record<string, string> };
  return { ...core.errors, ...featureLocale(lang).errors };
}

let dir: string;
let backend: Backend;

beforeAll(async () => {
  dir = makeTempDir();
  backend = createBackend({ dataDir: dir, mode: 'browser', version: '1.0.0', engines: [createFakeEngine({ id: 'fake', name: 'Fake' })] });
  await backend.api.setProfile({ name: 'Ana', role: 'editor' });
  // Something stored that must survive every refusal untouched.
  const doc = await backend.api.importDocument({
    source: { kind: 'text', text: '# Stored\n\nKept as it is.', format: 'md' },
    sourceLang: 'en',
    targetLang: 'es',
  });
  await backend.api.updateParagraphTarget({ paragraphId: doc.paragraphs[1]!.id, target: 'Se queda así.' });
});
afterAll(() => {
  backend.close();
  removeTempDir(dir);
});

async function importFile(fileName: string, bytes: Uint8Array) {
  return backend.dispatch('importDocument', {
    source: { kind: 'file', fileName, dataBase64: Buffer.from(bytes).toString('base64') },
    sourceLang: 'en',
    targetLang: 'es',
  });
}

async function expectRefused(fileName: string, bytes: Uint8Array, code: string, details?: Record<string, unknown>) {
  const before = dbDigest(backend.dbPath);
  const result = await importFile(fileName, bytes);
  expect(result.ok, `${fileName} must be refused`).toBe(false);
  if (result.ok) return;
  expect(result.error.code, fileName).toBe(code);
  if (details) expect(result.error.details, fileName).toMatchObject(details);
  expect(dbDigest(backend.dbPath), `${fileName} changed the database`).toEqual(before);
  // Still answering.
  const listed = await backend.dispatch('listDocuments', {});
  expect(listed.ok).toBe(true);
}

describe('hostile corpus (committed files)', () => {
  const names = Object.keys(expected).sort();

  it('has at least 50 files, each named in expected.json with a known, translated error', () => {
    const files = fs
      .readdirSync(FIXTURES)
      .filter((f) => f !== 'expected.json')
      .sort();
    expect(files).toEqual(names);
    expect(files.length).toBeGreaterThanOrEqual(50);
    const en = localeErrors('en');
    const de = localeErrors('de');
    for (const { code } of Object.values(expected)) {
      expect(ERROR_CODES as readonly string[]).toContain(code);
      expect(en[code], code).toBeTruthy();
      expect(de[code], code).toBeTruthy();
    }
    // Every kind of binary file the sniffer names has a translated name.
    for (const lang of ['en', 'de'] as const) {
      expect(Object.keys(featureLocale(lang).importing.fileKind).sort()).toEqual([...BINARY_KINDS].sort());
    }
  });

  it.each(names)('%s', async (name) => {
    const { code, details } = expected[name]!;
    await expectRefused(name, fs.readFileSync(path.join(FIXTURES, name)), code, details);
  });
});

describe('hostile corpus (made at test time)', () => {
  it('refuses a file just over the size limit, naming the limit', async () => {
    const bytes = Buffer.alloc(IMPORT_LIMITS.fileBytes + 1, 'a');
    await expectRefused('big.txt', bytes, 'IMPORT_TOO_LARGE', {
      limitBytes: IMPORT_LIMITS.fileBytes,
      sizeBytes: IMPORT_LIMITS.fileBytes + 1,
    });
  });

  it('refuses more paragraphs than the limit', async () => {
    const text = Array.from({ length: IMPORT_LIMITS.paragraphs + 1 }, (_, i) => `Paragraph ${i}.`).join('\n\n');
    await expectRefused('many.txt', Buffer.from(text), 'IMPORT_TOO_MANY_PARAGRAPHS', {
      count: IMPORT_LIMITS.paragraphs + 1,
      limit: IMPORT_LIMITS.paragraphs,
    });
  });

  it('refuses an XLIFF file with more units than the paragraph limit', async () => {
    const units = Array.from(
      { length: IMPORT_LIMITS.paragraphs + 1 },
      (_, i) => `<trans-unit id="${i}"><source>S ${i}</source></trans-unit>`,
    );
    const xml = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en"><body>${units.join('')}</body></file></xliff>`;
    await expectRefused('many.xlf', Buffer.from(xml), 'IMPORT_TOO_MANY_PARAGRAPHS', { limit: IMPORT_LIMITS.paragraphs });
  });

  it('refuses a paragraph longer than the limit, naming the paragraph', async () => {
    const text = `Short one.\n\n${'word '.repeat(IMPORT_LIMITS.paragraphChars / 5)}end`;
    await expectRefused('long.md', Buffer.from(text), 'IMPORT_PARAGRAPH_TOO_LONG', { paragraph: 2, limit: IMPORT_LIMITS.paragraphChars });
  });

  it('refuses an XML file with more elements than the limit', async () => {
    const xml = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file><body><trans-unit id="1"><source>${'<x/>'.repeat(IMPORT_LIMITS.xmlElements)}</source></trans-unit></body></file></xliff>`;
    await expectRefused('elements.xlf', Buffer.from(xml), 'IMPORT_TOO_COMPLEX', { limit: IMPORT_LIMITS.xmlElements });
  });

  it('refuses pathological Markdown (200 KB of [, of *a, of > on one line) before parsing it, naming the line', async () => {
    const size = 200_000;
    await expectRefused('brackets.md', Buffer.from('['.repeat(size)), 'IMPORT_MARKDOWN_TOO_COMPLEX', { line: 1 });
    await expectRefused('stars.md', Buffer.from('Intro.\n\n' + '*a'.repeat(size / 2)), 'IMPORT_MARKDOWN_TOO_COMPLEX', { line: 3 });
    await expectRefused('quotes.md', Buffer.from('>'.repeat(size)), 'IMPORT_MARKDOWN_TOO_COMPLEX', {
      what: 'quote or list levels opened on one line',
    });
  });

  it('imports such markup in short blocks up to the whole-article limits (CommonMark, nothing lost), and refuses more by name', async () => {
    const block = `${'[a]( *b_ `c <d '.repeat(60)}\n\n`;
    const doc = await backend.api.importDocument({
      source: { kind: 'text', text: block.repeat(100), format: 'md' },
      sourceLang: 'en',
      targetLang: 'es',
    });
    expect(doc.paragraphs).toHaveLength(100);
    expect(doc.paragraphs[0]!.codes?.length).toBeGreaterThan(0);
    // 200 blocks: 12,000 brackets in one article, past its 8,000.
    await expectRefused('dense.md', Buffer.from(block.repeat(200)), 'IMPORT_MARKDOWN_TOO_COMPLEX', {
      what: 'link or image brackets ([) in the whole article',
    });
  });

  it('refuses pasted text with an unpaired surrogate', async () => {
    const before = dbDigest(backend.dbPath);
    const result = await backend.dispatch('importDocument', {
      source: { kind: 'text', text: 'Broken \ud800 text', format: 'txt' },
      sourceLang: 'en',
      targetLang: 'es',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('IMPORT_ENCODING_INVALID');
    expect(dbDigest(backend.dbPath)).toEqual(before);
  });
});
