/** Real damaged libraries for tests (issue 13): a library with one page of `paragraphs` overwritten. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createBackend } from '../backend.js';
import { createFakeEngine } from './fakeEngine.js';

/** A closed library in `dataDir` with one document of `count` paragraphs (several pages of `paragraphs`). */
export async function makeLibrary(dataDir: string, count = 400): Promise<string> {
  const backend = createBackend({
    dataDir,
    mode: 'browser',
    version: 'test',
    engines: [createFakeEngine()],
    integrityCheckIdleMs: null,
    verifyAtStart: false,
  });
  await backend.api.setProfile({ name: 'T', role: 'translator' });
  const text = Array.from({ length: count }, (_, i) => `Paragraph ${i + 1} of a long article, with enough words to fill the page.`).join(
    '\n\n',
  );
  await backend.api.importDocument({ source: { kind: 'text', text, format: 'txt' }, sourceLang: 'en', targetLang: 'es' });
  backend.close();
  return backend.dbPath;
}

/** Overwrites one leaf page of the paragraphs table with garbage; returns the page number. */
export function corruptParagraphsPage(dbPath: string): number {
  const db = new Database(dbPath, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db
    .prepare(`SELECT pageno FROM dbstat WHERE name = 'paragraphs' AND pagetype = 'leaf' ORDER BY pageno`)
    .pluck()
    .all() as number[];
  db.close();
  if (pages.length < 2) throw new Error(`paragraphs has ${pages.length} leaf pages; make a longer document`);
  const page = pages[Math.floor(pages.length / 2)]!;
  const fd = fs.openSync(dbPath, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  fs.closeSync(fd);
  return page;
}

export const dbFile = (dataDir: string): string => path.join(dataDir, 'verso.sqlite');
