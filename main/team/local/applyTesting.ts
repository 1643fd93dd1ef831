/**
 * Test support for applying pulled changes (no test framework here): a fake team server that
 * orders changes with the same head/conflict rule as the real one (shared/team/mergeRules.ts), and
 * a real temporary library per member whose local changes reach the outbox the way capture puts
 * them there (base = the entity's local head). The real capture is the outbox helper's.
 */
import { randomUUID } from 'node:crypto';
import type { SignOffClaim } from '../../../shared/signing/canonical.js';
import { sha256Hex } from '../../core/crypto.js';
import { createAuditRepo } from '../../db/repositories/audit/auditRepo.js';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { OutgoingChange, PushResult, ServerChange } from '../../../shared/team/changes.js';
import { EMPTY_HEAD, mergeChange, type EntityHead } from '../../../shared/team/mergeRules.js';
import type { Profile } from '../../../shared/types.js';
import fs from 'node:fs';
import os from 'node:os';
import { auditProfileCreated } from '../../db/audit/recordAudit.js';
import { openDatabase } from '../../db/openDatabase.js';
import { createRepositories, type Repositories } from '../../db/repositories/index.js';
import type { ApplyReport, TeamMember } from '../ports.js';
import { createTeamApplyStore, type TeamApplyStore } from './applyStore.js';

export function createFakeTeamServer() {
  const changes: ServerChange[] = [];
  const heads = new Map<string, EntityHead>();
  return {
    changes,
    push(change: OutgoingChange, author: string): PushResult {
      const stored = changes.find((c) => c.id === change.id);
      if (stored) return { id: change.id, ok: true, seq: stored.seq, outcome: stored.outcome };
      const result = mergeChange(heads.get(change.entityId) ?? EMPTY_HEAD, change);
      if (result.outcome === 'refused') return { id: change.id, ok: false, code: result.code, message: 'the text changed meanwhile' };
      heads.set(change.entityId, result.head);
      const seq = changes.length + 1;
      changes.push({
        ...change,
        seq,
        author,
        outcome: result.outcome,
        receivedAt: new Date(Date.UTC(2026, 11, 3, 12, 0, seq)).toISOString(),
      });
      return { id: change.id, ok: true, seq, outcome: result.outcome };
    },
    pull: (afterSeq: number): ServerChange[] => changes.filter((c) => c.seq > afterSeq),
  };
}
export type FakeTeamServer = ReturnType<typeof createFakeTeamServer>;

let clock = 0;
/** Distinct, increasing client times (tests never read the wall clock). */
export const tick = (): string => new Date(Date.UTC(2026, 11, 3, 10, 0, 0, ++clock)).toISOString();

export interface TeamLibrary {
  db: Database.Database;
  repos: Repositories;
  profile: Profile;
  member: TeamMember;
  /** The applying half of the local store, as the lead composes it (applyStore.ts). */
  applier: TeamApplyStore;
  conflicts: TeamApplyStore;
  capture(kind: OutgoingChange['kind'], documentId: string, entityId: string, payload: Record<string, unknown>): OutgoingChange;
  push(server: FakeTeamServer): PushResult[];
  pull(server: FakeTeamServer, members: readonly TeamMember[]): ApplyReport;
  close(): void;
}

export function openTeamLibrary(dir: string, member: TeamMember): TeamLibrary {
  const db: Database.Database = openDatabase(path.join(dir, `${member.roleName}.sqlite`));
  const repos: Repositories = createRepositories(db);
  const profile: Profile = {
    id: `profile-${member.roleName}`,
    name: member.displayName,
    role: member.teamRole === 'translator' ? 'translator' : 'editor',
    createdAt: tick(),
  };
  repos.profiles.insert(profile);
  auditProfileCreated(db, profile);
  db.prepare("INSERT INTO team_state (key, value) VALUES ('me', ?)").run(JSON.stringify(member.roleName));
  const store = createTeamApplyStore(db, repos, () => profile);

  /** What capture does with a local change: into the outbox on the entity's local head. */
  function capture(kind: OutgoingChange['kind'], documentId: string, entityId: string, payload: Record<string, unknown>): OutgoingChange {
    const head = db.prepare<[string], { local_head: string }>('SELECT local_head FROM team_heads WHERE entity_id = ?').get(entityId);
    const change: OutgoingChange = {
      id: randomUUID(),
      kind,
      documentId,
      entityId,
      baseId: head?.local_head ?? null,
      payload,
      clientAt: tick(),
    };
    db.prepare(
      'INSERT INTO team_outbox (change_id, kind, document_id, entity_id, base_id, payload, client_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(change.id, kind, documentId, entityId, change.baseId, JSON.stringify(payload), change.clientAt);
    if (kind !== 'document' && kind !== 'comment' && kind !== 'tm-unit')
      db.prepare(
        `INSERT INTO team_heads (entity_id, server_head, local_head) VALUES (?, NULL, ?)
         ON CONFLICT (entity_id) DO UPDATE SET local_head = excluded.local_head`,
      ).run(entityId, change.id);
    return change;
  }

  return {
    db,
    repos,
    profile,
    member,
    applier: store,
    conflicts: store,
    capture,
    /** Pushes the outbox in order; acknowledged ones wait for the pull, refused ones keep their code. */
    push(server: FakeTeamServer): PushResult[] {
      const rows = db
        .prepare<
          [],
          {
            change_id: string;
            kind: OutgoingChange['kind'];
            document_id: string;
            entity_id: string;
            base_id: string | null;
            payload: string;
            client_at: string;
          }
        >('SELECT * FROM team_outbox WHERE acked_seq IS NULL AND refused_code IS NULL ORDER BY rowid')
        .all();
      return rows.map((r) => {
        const result = server.push(
          {
            id: r.change_id,
            kind: r.kind,
            documentId: r.document_id,
            entityId: r.entity_id,
            baseId: r.base_id,
            payload: JSON.parse(r.payload) as Record<string, unknown>,
            clientAt: r.client_at,
          },
          member.roleName,
        );
        if (result.ok) db.prepare('UPDATE team_outbox SET acked_seq = ? WHERE change_id = ?').run(result.seq, r.change_id);
        else
          db.prepare('UPDATE team_outbox SET refused_code = ?, refused_message = ? WHERE change_id = ?').run(
            result.code,
            result.message,
            r.change_id,
          );
        return result;
      });
    },
    pull(server: FakeTeamServer, members: readonly TeamMember[]) {
      return store.applyPulled(server.pull(store.cursor()), members);
    },
    close: () => db.close(),
  };
}

export const DOC = 'doc-storm';
export const P1 = 'doc-storm-p1';
export const P2 = 'doc-storm-p2';

/** Ana imports a two-paragraph document: written locally, then captured. */
export function importDocument(lib: TeamLibrary): void {
  const at = tick();
  lib.repos.documents.insert({
    id: DOC,
    title: 'Storm',
    sourceLang: 'en',
    targetLang: 'es',
    sourceFormat: 'md',
    createdAt: at,
    updatedAt: at,
  });
  const paragraphs = [
    { id: P1, position: 0, kind: 'paragraph' as const, marker: null, source: 'Rain fell.', target: '', status: 'new' as const, mt: null },
    {
      id: P2,
      position: 1,
      kind: 'paragraph' as const,
      marker: null,
      source: 'Wind rose.',
      target: 'Subió el viento.',
      status: 'edited' as const,
      mt: null,
    },
  ];
  for (const p of paragraphs) {
    lib.repos.paragraphs.insert({ ...p, documentId: DOC, index: p.position, signOff: null, updatedAt: at });
    const who = {
      paragraphId: p.id,
      documentId: DOC,
      profileId: lib.profile.id,
      authorName: lib.profile.name,
      role: lib.profile.role,
      createdAt: at,
      mtEngine: null,
    };
    lib.repos.revisions.insert({
      ...who,
      origin: 'import',
      action: 'import',
      beforeText: null,
      afterText: p.source,
      statusBefore: null,
      statusAfter: 'new',
    });
    if (p.target)
      lib.repos.revisions.insert({
        ...who,
        origin: 'import',
        action: 'edit',
        beforeText: '',
        afterText: p.target,
        statusBefore: 'new',
        statusAfter: p.status,
      });
  }
  lib.capture('document', DOC, DOC, { title: 'Storm', sourceLang: 'en', targetLang: 'es', sourceFormat: 'md', paragraphs });
}

type Paragraph = NonNullable<ReturnType<Repositories['paragraphs']['get']>>;
type Revision = Parameters<Repositories['revisions']['insert']>[0];

/** The revision a human edit or sign-off of `p` by the library's own profile leaves. */
function humanRevision(lib: TeamLibrary, p: Paragraph, what: Pick<Revision, 'action' | 'afterText' | 'statusAfter' | 'createdAt'>): void {
  lib.repos.revisions.insert({
    paragraphId: p.id,
    documentId: p.documentId,
    profileId: lib.profile.id,
    authorName: lib.profile.name,
    role: lib.profile.role,
    origin: 'human',
    mtEngine: null,
    beforeText: p.target,
    statusBefore: p.status,
    ...what,
  });
}

/** A local edit: the paragraph and its revision, then its change in the outbox. */
export function localEdit(lib: TeamLibrary, paragraphId: string, text: string): string {
  const p = lib.repos.paragraphs.get(paragraphId)!;
  const at = tick();
  lib.repos.paragraphs.update({ ...p, target: text, status: 'edited', signOff: null, updatedAt: at });
  humanRevision(lib, p, { action: 'edit', afterText: text, statusAfter: 'edited', createdAt: at });
  return lib.capture('paragraph', p.documentId, paragraphId, {
    action: 'edit',
    origin: 'human',
    target: text,
    status: 'edited',
    excluded: false,
  }).id;
}

/** A local sign-off, signed by the library's own key; its claim and signature travel. */
export function localSignOff(lib: TeamLibrary, paragraphId: string): string {
  const p = lib.repos.paragraphs.get(paragraphId)!;
  const at = tick();
  const signed = { profileId: lib.profile.id, name: lib.profile.name, role: lib.profile.role, at, textHash: sha256Hex(p.target) };
  lib.repos.paragraphs.update({ ...p, status: 'signed-off', signOff: signed, updatedAt: at });
  humanRevision(lib, p, { action: 'sign-off', afterText: p.target, statusAfter: 'signed-off', createdAt: at });
  const entry = createAuditRepo(lib.db).lastSignOff(paragraphId)!;
  const claim = (JSON.parse(entry.payload) as { claim: SignOffClaim }).claim;
  return lib.capture('sign-off', p.documentId, paragraphId, { claim, signature: entry.signature, keyId: claim.keyId }).id;
}

/** A member as a test describes one: no key registered unless `keyRegistered` (then its library's own signing key). */
export interface TestMember extends Pick<TeamMember, 'displayName' | 'teamRole'> {
  keyRegistered?: boolean;
}

export interface TestTeam<Name extends string> {
  /** The temporary folder holding the libraries (a test may open another library in it). */
  dir: string;
  server: FakeTeamServer;
  /** Each member's library, by role name. */
  libs: Record<Name, TeamLibrary>;
  /** In the order the members were given. */
  members: TeamMember[];
  /** Closes the libraries and removes the folder. */
  close(): void;
}

/**
 * One library per member (keyed by role name), in one new temporary folder, on one fake server.
 * With `documentShared`, the first member imports the document (importDocument) and pushes it, and
 * every member pulls it. The folder is made with node:fs: this file is not under testing/, so the
 * layer rules keep it from importing main/testing/tempDir.ts.
 */
export function openTestTeam<Name extends string>(
  people: Record<Name, TestMember>,
  options: { documentShared?: boolean } = {},
): TestTeam<Name> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verso-test-'));
  const server = createFakeTeamServer();
  const entries = Object.entries(people) as [Name, TestMember][];
  const opened = entries.map(([roleName, { keyRegistered, ...person }]) => {
    const lib = openTeamLibrary(dir, { roleName, ...person, publicKey: null, keyId: null });
    if (keyRegistered) {
      const key = lib.repos.signingKeys.keyFor(lib.profile.id);
      lib.member.publicKey = key.publicKey;
      lib.member.keyId = key.keyId;
    }
    return [roleName, lib] as const;
  });
  const libraries = opened.map(([, lib]) => lib);
  const members = libraries.map((lib) => lib.member);
  const [first] = libraries;
  if (options.documentShared && first) {
    importDocument(first);
    first.push(server);
    for (const lib of libraries) lib.pull(server, members);
  }
  return {
    dir,
    server,
    libs: Object.fromEntries(opened) as Record<Name, TeamLibrary>,
    members,
    close() {
      for (const lib of libraries) lib.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
