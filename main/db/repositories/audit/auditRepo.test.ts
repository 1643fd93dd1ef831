/** The audit chain's append, with the head kept in memory through a bulk write (withAuditHeadKept). */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../../../shared/signing/canonical.js';
import { sha256Hex } from '../../../core/crypto.js';
import { makeTempDir, removeTempDir } from '../../../testing/tempDir.js';
import { openDatabase } from '../../openDatabase.js';
import { appendAuditEntry, createAuditRepo, withAuditHeadKept } from './auditRepo.js';

let dir: string;
let db: Database.Database;
beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase(path.join(dir, 'verso.sqlite'));
});
afterEach(() => {
  db.close();
  removeTempDir(dir);
});

const append = (n: number) =>
  appendAuditEntry(db, {
    kind: 'settings-change',
    documentId: null,
    paragraphId: null,
    revisionId: null,
    build: (prev) => ({ payload: { type: 'test', n, prev } }),
  });

function chainProblems() {
  const links = [...createAuditRepo(db).iterate()];
  return { problems: verifyChain(links, sha256Hex), seqs: links.map((l) => l.seq) };
}

describe('withAuditHeadKept', () => {
  it('is refused outside a transaction', () => {
    expect(() => withAuditHeadKept(db, () => append(1))).toThrow(/not inside a transaction/);
  });

  it('links appended with the head kept chain on the stored head and on each other, as links appended one by one do', () => {
    const before = append(0);
    const kept = db.transaction(() => withAuditHeadKept(db, () => [append(1), append(2), withAuditHeadKept(db, () => append(3))]))();
    expect(kept.map((l) => l.seq)).toEqual([before.seq + 1, before.seq + 2, before.seq + 3]);
    expect(kept[0]!.prevHash).toBe(before.hash);
    expect(kept[2]!.prevHash).toBe(kept[1]!.hash);
    const after = append(4);
    expect(after.prevHash).toBe(kept[2]!.hash);
    const { problems, seqs } = chainProblems();
    expect(problems).toEqual([]);
    expect(seqs.at(-1)).toBe(after.seq);
  });

  it('a bulk write that fails keeps nothing: the next links chain on the head as stored', () => {
    const before = append(0);
    expect(() =>
      db.transaction(() =>
        withAuditHeadKept(db, () => {
          append(1);
          append(2);
          throw new Error('the import failed');
        }),
      )(),
    ).toThrow('the import failed');
    const next = db.transaction(() => withAuditHeadKept(db, () => append(3)))();
    expect(next).toMatchObject({ seq: before.seq + 1, prevHash: before.hash });
    expect(append(4).prevHash).toBe(next.hash);
    expect(chainProblems().problems).toEqual([]);
  });
});
