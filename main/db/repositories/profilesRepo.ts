/** Profiles: who works on this machine (name and role). */
import type Database from 'better-sqlite3';
import type { Profile, Role } from '../../../shared/types.js';

interface ProfileRow {
  id: string;
  name: string;
  role: Role;
  created_at: string;
}

function toProfile(row: ProfileRow): Profile {
  return { id: row.id, name: row.name, role: row.role, createdAt: row.created_at };
}

export function createProfilesRepo(db: Database.Database) {
  const insertStmt = db.prepare<[string, string, Role, string]>('INSERT INTO profiles (id, name, role, created_at) VALUES (?, ?, ?, ?)');
  const getStmt = db.prepare<[string], ProfileRow>('SELECT id, name, role, created_at FROM profiles WHERE id = ?');
  const countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM profiles');
  const listStmt = db.prepare<[], ProfileRow>('SELECT id, name, role, created_at FROM profiles ORDER BY created_at, rowid');

  return {
    insert(profile: Profile): void {
      insertStmt.run(profile.id, profile.name, profile.role, profile.createdAt);
    },
    get(id: string): Profile | null {
      const row = getStmt.get(id);
      return row ? toProfile(row) : null;
    },
    /** Every profile, oldest first. */
    list(): Profile[] {
      return listStmt.all().map(toProfile);
    },
    count(): number {
      return countStmt.get()?.n ?? 0;
    },
  };
}
