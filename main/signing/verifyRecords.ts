/**
 * Checks the editorial records against their audit-log entries (issue 12): every footer settings
 * change, the footer settings in force, every declaration that a translation is human, and every
 * profile's name and role. A record written or changed by SQL, behind Verso's back, has no
 * matching entry. Used by the library check, the publish gate and the origin view.
 */
import type Database from 'better-sqlite3';
import type { LibraryProblem } from '../../shared/features/signaturesApi.js';
import type { HumanDeclaration } from '../../shared/types.js';
import {
  originDeclaredPayload,
  payloadMatches,
  profileCreatedPayload,
  settingsChangePayload,
  type SettingsChangeRow,
} from '../db/audit/auditEntries.js';
import { unrecordedFooterSettings } from '../db/audit/footerSettingsRecord.js';

function entriesOf(db: Database.Database, kind: string): string[] {
  return db
    .prepare<[string], { payload: string }>('SELECT payload FROM audit_log WHERE kind = ? ORDER BY seq')
    .all(kind)
    .map((r) => r.payload);
}

function settingsChangeProblems(db: Database.Database): LibraryProblem[] {
  const byId = new Map<string, string>();
  for (const payload of entriesOf(db, 'settings-change')) {
    const id = (JSON.parse(payload) as { changeId?: unknown }).changeId;
    if (typeof id === 'string') byId.set(id, payload);
  }
  const problems: LibraryProblem[] = [];
  for (const row of db.prepare<[], SettingsChangeRow>('SELECT * FROM settings_changes ORDER BY seq').all()) {
    const entry = byId.get(row.id);
    if (entry === undefined || !payloadMatches(entry, settingsChangePayload(row))) {
      problems.push({ kind: 'settings-change', changeId: row.id, setting: row.setting, at: row.changed_at });
    }
  }
  return problems;
}

function profileProblems(db: Database.Database): LibraryProblem[] {
  const byId = new Map<string, string>();
  for (const payload of entriesOf(db, 'profile-created')) {
    const id = (JSON.parse(payload) as { profileId?: unknown }).profileId;
    if (typeof id === 'string') byId.set(id, payload);
  }
  const problems: LibraryProblem[] = [];
  for (const p of db
    .prepare<[], { id: string; name: string; role: string; created_at: string }>(
      'SELECT id, name, role, created_at FROM profiles ORDER BY created_at',
    )
    .all()) {
    const entry = byId.get(p.id);
    if (
      entry === undefined ||
      !payloadMatches(entry, profileCreatedPayload({ id: p.id, name: p.name, role: p.role, createdAt: p.created_at }))
    ) {
      problems.push({ kind: 'profile', profileId: p.id, name: p.name });
    }
  }
  return problems;
}

/** Reads a paragraph's latest declaration entry, to check a stored declaration against it. */
export function createDeclarationCheck(db: Database.Database) {
  const latest = db.prepare<[string], { payload: string }>(
    "SELECT payload FROM audit_log WHERE paragraph_id = ? AND kind = 'origin-declared' ORDER BY seq DESC LIMIT 1",
  );
  return {
    /** True when the audit log holds exactly this declaration as the paragraph's latest. */
    recorded(documentId: string, paragraphId: string, d: HumanDeclaration): boolean {
      const entry = latest.get(paragraphId);
      return (
        entry !== undefined &&
        payloadMatches(
          entry.payload,
          originDeclaredPayload({ documentId, paragraphId, name: d.name, role: d.role, at: d.at, reason: d.reason }),
        )
      );
    },
  };
}

function declarationProblems(db: Database.Database): LibraryProblem[] {
  const check = createDeclarationCheck(db);
  const rows = db.prepare<
    [],
    {
      document_id: string;
      title: string;
      position: number;
      paragraph_id: string;
      by: string;
      role: string | null;
      at: string | null;
      reason: string | null;
    }
  >(
    `SELECT p.document_id, d.title, p.position, o.paragraph_id, o.declared_human_by AS by, o.declared_human_role AS role,
            o.declared_human_at AS at, o.declared_human_reason AS reason
     FROM provenance_origins o JOIN paragraphs p ON p.id = o.paragraph_id JOIN documents d ON d.id = p.document_id
     WHERE o.declared_human_by IS NOT NULL ORDER BY p.document_id, p.position`,
  );
  const problems: LibraryProblem[] = [];
  for (const r of rows.all()) {
    const d: HumanDeclaration = {
      name: r.by,
      role: r.role === 'translator' ? 'translator' : 'editor',
      at: r.at ?? '',
      reason: r.reason ?? '',
    };
    if (r.role !== d.role || !check.recorded(r.document_id, r.paragraph_id, d)) {
      problems.push({ kind: 'declaration', documentId: r.document_id, title: r.title, paragraph: r.position + 1 });
    }
  }
  return problems;
}

/** Every editorial record that does not match the audit log. */
export function recordProblems(db: Database.Database): LibraryProblem[] {
  return [
    ...settingsChangeProblems(db),
    ...unrecordedFooterSettings(db).map((s): LibraryProblem => ({ kind: 'footer-setting', setting: s.setting, lang: s.lang })),
    ...declarationProblems(db),
    ...profileProblems(db),
  ];
}

/** The origins with every declaration the audit log does not hold dropped (the paragraph stays "origin unknown"). */
export function keepRecordedDeclarations<T extends { paragraphId: string; declaredHuman: HumanDeclaration | null }>(
  db: Database.Database,
  documentId: string,
  origins: readonly T[],
): T[] {
  const check = createDeclarationCheck(db);
  return origins.map((o) =>
    o.declaredHuman !== null && !check.recorded(documentId, o.paragraphId, o.declaredHuman) ? { ...o, declaredHuman: null } : o,
  );
}
