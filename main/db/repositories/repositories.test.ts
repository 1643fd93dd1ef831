import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paragraph } from '../../../shared/types.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { openDatabase } from '../openDatabase.js';
import { createRepositories, type Repositories } from './index.js';

let dir: string;
let db: Database.Database;
let repos: Repositories;

beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase(path.join(dir, 'verso.sqlite'));
  repos = createRepositories(db);
});
afterEach(() => {
  db.close();
  removeTempDir(dir);
});

const AT = '2025-03-01T10:00:00.000Z';

function addDocument(id = 'd1'): void {
  repos.documents.insert({ id, title: 'Title', sourceLang: 'en', targetLang: 'es', sourceFormat: 'md', createdAt: AT, updatedAt: AT });
}

function paragraph(over: Partial<Paragraph> = {}): Paragraph {
  return {
    id: 'p1',
    documentId: 'd1',
    index: 0,
    kind: 'heading',
    marker: '2',
    source: 'Hello',
    target: '',
    status: 'new',
    mt: null,
    signOff: null,
    updatedAt: AT,
    ...over,
  };
}

describe('repositories', () => {
  it('profiles round-trip', () => {
    repos.profiles.insert({ id: 'u1', name: 'Ana', role: 'editor', createdAt: AT });
    expect(repos.profiles.get('u1')).toEqual({ id: 'u1', name: 'Ana', role: 'editor', createdAt: AT });
    expect(repos.profiles.get('nobody')).toBeNull();
  });

  it('settings store JSON values', () => {
    expect(repos.settings.get('k')).toBeUndefined();
    repos.settings.set('k', { a: [1, 'two'] });
    expect(repos.settings.get('k')).toEqual({ a: [1, 'two'] });
    repos.settings.set('k', 'plain');
    expect(repos.settings.get('k')).toBe('plain');
  });

  it('paragraphs map every column to the shared type and back', () => {
    addDocument();
    repos.profiles.insert({ id: 'u1', name: 'Ana', role: 'editor', createdAt: AT });
    const p = paragraph();
    repos.paragraphs.insert(p);
    expect(repos.paragraphs.get('p1')).toEqual(p);

    const full: Paragraph = {
      ...p,
      target: 'Hola',
      status: 'signed-off',
      mt: {
        text: 'Hola',
        engineId: 'apertium',
        engineVersion: '1',
        sourceLang: 'en',
        targetLang: 'es',
        createdAt: AT,
        unknownWords: ['X'],
      },
      signOff: { profileId: 'u1', name: 'Ana', role: 'editor', at: AT, textHash: 'abc' },
      updatedAt: '2025-03-02T00:00:00.000Z',
    };
    repos.paragraphs.update(full);
    // No sign-off entry in the audit log backs this status: read back as a broken signature (issue 12).
    expect(repos.paragraphs.get('p1')).toEqual({ ...full, signatureBroken: true });
    repos.paragraphs.update({ ...full, status: 'edited', signOff: null, mt: null });
    expect(repos.paragraphs.get('p1')).toMatchObject({ status: 'edited', signOff: null, mt: null });

    // Inline codes (shared/inline) go with the paragraph; a re-import may replace them.
    const withCodes: Paragraph = {
      ...p,
      id: 'p2',
      index: 1,
      source: 'A \uE000link\uE100.',
      codes: [{ type: 'link', href: 'https://x.example/' }],
    };
    repos.paragraphs.insert(withCodes);
    expect(repos.paragraphs.get('p2')).toEqual(withCodes);
    repos.paragraphs.setCodes('p2', [{ type: 'bold' }]);
    expect(repos.paragraphs.get('p2')?.codes).toEqual([{ type: 'bold' }]);
    repos.paragraphs.setCodes('p2', []);
    expect(repos.paragraphs.get('p2')).not.toHaveProperty('codes');
  });

  it('lists paragraphs in document order and summarises documents', () => {
    addDocument();
    repos.profiles.insert({ id: 'u9', name: 'N', role: 'editor', createdAt: AT });
    repos.paragraphs.insert(paragraph({ id: 'b', index: 1 }));
    repos.paragraphs.insert(paragraph({ id: 'a', index: 0 }));
    repos.paragraphs.insert(
      paragraph({
        id: 'c',
        index: 2,
        status: 'signed-off',
        target: 'x',
        signOff: { profileId: 'u9', name: 'N', role: 'editor', at: AT, textHash: 'h' },
      }),
    );
    expect(repos.paragraphs.listByDocument('d1').map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(repos.documents.summary('d1')).toMatchObject({ paragraphCount: 3, signedOffCount: 1 });
    addDocument('d2');
    expect(repos.documents.list().map((d) => [d.id, d.paragraphCount])).toEqual([
      ['d1', 3],
      ['d2', 0],
    ]);
  });

  it('revisions: insert, last, extend; deleting a document removes its paragraphs and revisions', () => {
    addDocument();
    repos.paragraphs.insert(paragraph());
    const base = {
      paragraphId: 'p1',
      documentId: 'd1',
      profileId: null,
      authorName: 'Ana',
      role: null,
      origin: 'human' as const,
      action: 'edit' as const,
      mtEngine: null,
      beforeText: '',
      afterText: 'a',
      statusBefore: 'new' as const,
      statusAfter: 'edited' as const,
      createdAt: AT,
    };
    const first = repos.revisions.insert({ ...base, origin: 'import', action: 'import', beforeText: null, statusBefore: null });
    const second = repos.revisions.insert(base);
    expect(second).toBeGreaterThan(first);
    expect(repos.revisions.last('p1')).toMatchObject({ id: second, afterText: 'a', updatedAt: AT });
    repos.revisions.extend(second, 'abc', 'edited', '2025-03-01T10:00:30.000Z');
    expect(repos.revisions.last('p1')).toMatchObject({
      id: second,
      beforeText: '',
      afterText: 'abc',
      createdAt: AT,
      updatedAt: '2025-03-01T10:00:30.000Z',
    });
    expect(repos.revisions.listByParagraph('p1').map((r) => r.action)).toEqual(['import', 'edit']);

    expect(repos.documents.delete('d1')).toBe(true);
    expect(repos.documents.delete('d1')).toBe(false);
    expect([repos.documents.count(), repos.paragraphs.count(), repos.revisions.count()]).toEqual([0, 0, 0]);
  });

  it('revisions.insertInTransaction: refused outside a transaction; inside one, the revision and its audit link go or stay with it', () => {
    addDocument();
    repos.paragraphs.insert(paragraph());
    const rev = {
      paragraphId: 'p1',
      documentId: 'd1',
      profileId: null,
      authorName: 'Ana',
      role: null,
      origin: 'import' as const,
      action: 'import' as const,
      mtEngine: null,
      beforeText: null,
      afterText: 'Hello',
      statusBefore: null,
      statusAfter: 'new' as const,
      createdAt: AT,
    };
    const links = () => db.prepare<[], { n: number }>('SELECT count(*) AS n FROM audit_log').get()!.n;
    const before = links();
    expect(() => repos.revisions.insertInTransaction(rev)).toThrow(/not inside a transaction/);
    expect([repos.revisions.count(), links()]).toEqual([0, before]);

    expect(() =>
      db.transaction(() => {
        repos.revisions.insertInTransaction(rev);
        throw new Error('later step failed');
      })(),
    ).toThrow('later step failed');
    expect([repos.revisions.count(), links()]).toEqual([0, before]);

    const id = db.transaction(() => repos.revisions.insertInTransaction(rev))();
    expect(repos.revisions.last('p1')).toMatchObject({ id, action: 'import', afterText: 'Hello' });
    expect(links()).toBe(before + 1);
  });

  it('paragraphs.getMany reads the existing ones of many ids at once, as get reads each', () => {
    addDocument();
    repos.paragraphs.insert(paragraph());
    repos.paragraphs.insert(paragraph({ id: 'p2', index: 1, source: 'World', codes: [{ type: 'bold' }] }));
    const many = repos.paragraphs.getMany(['p2', 'missing', 'p1', 'p2']);
    expect([...many.keys()].sort()).toEqual(['p1', 'p2']);
    expect(many.get('p1')).toEqual(repos.paragraphs.get('p1'));
    expect(many.get('p2')).toEqual(repos.paragraphs.get('p2'));
    expect(repos.paragraphs.getMany([]).size).toBe(0);
  });

  it('paragraphs.listTexts reads the texts, codes, status and exclusion of each paragraph in order, as listByDocument has them', () => {
    addDocument();
    addDocument('d2');
    repos.paragraphs.insert(
      paragraph({ id: 'p2', index: 1, source: 'World', target: 'Mundo', status: 'edited', codes: [{ type: 'bold' }] }),
    );
    repos.paragraphs.insert(paragraph());
    repos.paragraphs.insert(paragraph({ id: 'p3', index: 2, source: 'Left out' }));
    repos.paragraphs.insert(paragraph({ id: 'other', documentId: 'd2' }));
    repos.paragraphs.setExclusion('p3', { at: AT, name: 'Ana', role: 'editor', origin: 'human' });
    const texts = repos.paragraphs.listTexts('d1');
    expect(texts).toEqual(
      repos.paragraphs.listByDocument('d1').map((p) => ({
        id: p.id,
        source: p.source,
        target: p.target,
        codes: p.codes ?? [],
        status: p.status,
        excluded: p.excluded !== undefined,
      })),
    );
    expect(texts.map((t) => [t.id, t.excluded])).toEqual([
      ['p1', false],
      ['p2', false],
      ['p3', true],
    ]);
    expect(repos.paragraphs.listTexts('missing')).toEqual([]);
  });
});
