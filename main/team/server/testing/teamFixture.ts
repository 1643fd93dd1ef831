/**
 * A team on this test's database (pgTestDatabase.ts): the schema, and members as PostgreSQL
 * roles with their Ed25519 keys; `connectAs` opens a raw `pg` connection as a member (what psql
 * in their hands could do), closed after the test.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach } from 'vitest';
import type { OutgoingChange } from '../../../../shared/team/changes.js';
import type { TeamRole } from '../../ports.js';
import { addTeamMember } from '../members.js';
import { migrateTeamSchema } from '../schema.js';
import type { PgTestDatabase } from './pgTestDatabase.js';

export interface TestMember {
  roleName: string;
  password: string;
  publicKeyPem: string;
  keyId: string;
  privateKeyPem: string;
}

export function newKeyPem(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

export async function withAdmin<T>(db: PgTestDatabase, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: db.adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function initTeam(db: PgTestDatabase): Promise<void> {
  await withAdmin(db, (c) => migrateTeamSchema(c));
}

export async function addMember(db: PgTestDatabase, name: string, teamRole: TeamRole): Promise<TestMember> {
  const roleName = db.role(name);
  const password = `pw-${name}-${randomUUID()}`;
  const keys = newKeyPem();
  const r = await withAdmin(db, (c) =>
    addTeamMember(c, { roleName, teamRole, displayName: name, publicKeyPem: keys.publicKeyPem, password }),
  );
  return { roleName, password, keyId: r.keyId!, ...keys };
}

/** Raw connections as members, ended after each test. */
export function useMemberConnections(db: PgTestDatabase): (m: { roleName: string; password: string }) => Promise<pg.Client> {
  const open: pg.Client[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.end().catch(() => undefined)));
  });
  return async (m) => {
    const client = new pg.Client({ connectionString: db.urlAs(m.roleName, m.password) });
    client.on('error', () => undefined);
    await client.connect();
    open.push(client);
    return client;
  };
}

export function change(overrides: Partial<OutgoingChange> = {}): OutgoingChange {
  return {
    id: randomUUID(),
    kind: 'paragraph',
    documentId: 'doc-1',
    entityId: 'p-1',
    baseId: null,
    payload: { action: 'edit', origin: 'human', target: 'Hola', status: 'translated', excluded: false },
    clientAt: new Date().toISOString(),
    ...overrides,
  };
}

/** INSERT as a raw client would; returns the stored row's seq/author/outcome. */
export async function rawInsert(client: pg.Client, c: OutgoingChange, extra: Record<string, unknown> = {}) {
  const cols = ['id', 'kind', 'document_id', 'entity_id', 'base_id', 'payload', 'client_at', ...Object.keys(extra)];
  const values = [c.id, c.kind, c.documentId, c.entityId, c.baseId, JSON.stringify(c.payload), c.clientAt, ...Object.values(extra)];
  await client.query(`INSERT INTO verso.changes (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, values);
  const r = await client.query<{ seq: string; author: string; outcome: string }>(
    'SELECT seq, author, outcome FROM verso.changes WHERE id = $1',
    [c.id],
  );
  return r.rows[0];
}
