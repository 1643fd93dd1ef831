/** A bulk write's revisions chained as one `revisions` link (revisionLinks.ts), in the order of the writes. */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../../shared/signing/canonical.js';
import { sha256Hex } from '../../core/crypto.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { openDatabase } from '../openDatabase.js';
import { createAuditRepo, type StoredAuditEntry } from '../repositories/audit/auditRepo.js';
import { createAuditRecorder, type AuditRecorder } from './auditRecorder.js';
import type { RevisionFacts } from './auditEntries.js';
import { REVISION_ROW_FIELDS, revisionTextHashes, withRevisionLinksGathered } from './revisionLinks.js';
import { createSigningKeys, sessionProtector } from './signingKeys.js';

let dir: string;
let db: Database.Database;
let audit: AuditRecorder;
beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase(path.join(dir, 'verso.sqlite'));
  audit = createAuditRecorder(db, createSigningKeys(db, sessionProtector()));
});
afterEach(() => {
  db.close();
  removeTempDir(dir);
});

const AT = '2026-12-05T10:00:00.000Z';
const facts = (revisionId: number, over: Partial<RevisionFacts> = {}): RevisionFacts => ({
  revisionId,
  documentId: 'doc-1',
  paragraphId: `p-${revisionId}`,
  profileId: null,
  authorName: 'Ana',
  role: 'editor',
  origin: 'import',
  action: 'import',
  beforeText: null,
  afterText: `Text ${revisionId}.`,
  statusBefore: null,
  statusAfter: 'new',
  at: AT,
  ...over,
});

const links = (): StoredAuditEntry[] => [...createAuditRepo(db).iterate()];
const gathered = <T>(fn: () => T): T => db.transaction(() => withRevisionLinksGathered(db, fn))();

describe('withRevisionLinksGathered', () => {
  it('is refused outside a transaction', () => {
    expect(() => withRevisionLinksGathered(db, () => 1)).toThrow(/not inside a transaction/);
  });

  it("chains a bulk write's revisions as one link holding each revision's facts, which the chain check accepts", () => {
    const before = links().length;
    gathered(() => {
      audit.revisionInserted(facts(1));
      audit.revisionInserted(
        facts(2, { origin: 'mt', action: 'mt', beforeText: '', afterText: 'Texto 2.', statusBefore: 'new', statusAfter: 'machine' }),
      );
      audit.revisionInserted(facts(3));
    });
    const added = links().slice(before);
    expect(added.map((l) => [l.kind, l.documentId, l.paragraphId, l.revisionId])).toEqual([['revisions', 'doc-1', null, null]]);
    expect(JSON.parse(added[0]!.payload)).toEqual({
      type: 'verso.revisions.v1',
      documentId: 'doc-1',
      profileId: null,
      author: 'Ana',
      role: 'editor',
      at: AT,
      fields: [...REVISION_ROW_FIELDS],
      revisions: [
        [1, 'p-1', 'import', 'import', null, sha256Hex('Text 1.'), null, 'new'],
        [2, 'p-2', 'mt', 'mt', sha256Hex(''), sha256Hex('Texto 2.'), 'new', 'machine'],
        [3, 'p-3', 'import', 'import', null, sha256Hex('Text 3.'), null, 'new'],
      ],
    });
    expect(revisionTextHashes(added[0]!.payload)).toEqual([
      [1, sha256Hex('Text 1.')],
      [2, sha256Hex('Texto 2.')],
      [3, sha256Hex('Text 3.')],
    ]);
    expect(verifyChain(links(), sha256Hex)).toEqual([]);
  });

  it('appends the gathered link before any other link, so a sign-off claim names the link before it', () => {
    const before = links().length;
    gathered(() => {
      audit.revisionInserted(facts(1));
      audit.revisionInserted(facts(2));
      audit.revisionInserted(facts(3, { origin: 'human', action: 'sign-off', statusBefore: 'new', statusAfter: 'signed-off' }));
      audit.revisionInserted(facts(4));
    });
    const added = links().slice(before);
    expect(added.map((l) => [l.kind, l.revisionId])).toEqual([
      ['revisions', null],
      ['revision', 3],
      ['sign-off', 3],
      ['revisions', null],
    ]);
    expect(revisionTextHashes(added[0]!.payload).map(([id]) => id)).toEqual([1, 2]);
    expect(revisionTextHashes(added[3]!.payload).map(([id]) => id)).toEqual([4]);
    const claim = (JSON.parse(added[2]!.payload) as { claim: { prevAuditHash: string } }).claim;
    expect(claim.prevAuditHash).toBe(added[1]!.hash);
    expect(verifyChain(links(), sha256Hex)).toEqual([]);
  });

  it('starts a new link when the document, author or time changes', () => {
    const before = links().length;
    gathered(() => {
      audit.revisionInserted(facts(1));
      audit.revisionInserted(facts(2, { documentId: 'doc-2' }));
      audit.revisionInserted(facts(3, { documentId: 'doc-2', at: '2026-12-05T10:00:01.000Z' }));
      audit.revisionInserted(facts(4, { documentId: 'doc-2', at: '2026-12-05T10:00:01.000Z', authorName: 'Ben' }));
      audit.revisionInserted(facts(5, { documentId: 'doc-2', at: '2026-12-05T10:00:01.000Z', authorName: 'Ben' }));
    });
    const added = links().slice(before);
    expect(added.map((l) => [l.kind, l.documentId, revisionTextHashes(l.payload).map(([id]) => id)])).toEqual([
      ['revisions', 'doc-1', [1]],
      ['revisions', 'doc-2', [2]],
      ['revisions', 'doc-2', [3]],
      ['revisions', 'doc-2', [4, 5]],
    ]);
  });

  it('a write that throws appends nothing, and revisions after it get a link each again', () => {
    const before = links().length;
    expect(() =>
      gathered(() => {
        audit.revisionInserted(facts(1));
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(links().length).toBe(before);
    db.transaction(() => audit.revisionInserted(facts(2)))();
    expect(
      links()
        .slice(before)
        .map((l) => [l.kind, l.revisionId]),
    ).toEqual([['revision', 2]]);
  });

  it('nested scopes share the outer one: one link, appended when the outer scope ends', () => {
    const before = links().length;
    gathered(() => {
      audit.revisionInserted(facts(1));
      withRevisionLinksGathered(db, () => audit.revisionInserted(facts(2)));
      expect(links().length).toBe(before);
      audit.revisionInserted(facts(3));
    });
    expect(
      links()
        .slice(before)
        .map((l) => revisionTextHashes(l.payload).map(([id]) => id)),
    ).toEqual([[1, 2, 3]]);
  });
});

describe('revisionTextHashes', () => {
  it('reads nothing from a payload that is not a revisions link', () => {
    expect(revisionTextHashes('{"type":"verso.revision.v1","revisionId":1,"afterSha256":"ab"}')).toEqual([]);
    expect(revisionTextHashes('not json')).toEqual([]);
    expect(
      revisionTextHashes('{"type":"verso.revisions.v1","fields":["revisionId","afterSha256"],"revisions":[[1,"ab"],["2","cd"],7]}'),
    ).toEqual([[1, 'ab']]);
  });
});
