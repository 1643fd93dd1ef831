/**
 * The outbox side of `TeamLocalStore` (main/team/ports.ts): the changes waiting to be pushed, the
 * push results, and the refusals the UI lists. Acknowledgement proper (the row leaving the outbox
 * when the pull brings the server's copy back) and the server heads belong to the apply side.
 *
 * Decisions (docs/team.md#client-local-sqlite-migration-0300):
 * - An accepted push only records `acked_seq`; `team_heads.server_head` moves only with pulled
 *   data, so it never runs ahead of the cursor.
 * - A refused sign-off is taken back: the paragraph's sign-off is withdrawn locally (a
 *   `sign-off-withdrawn` revision by "Team server", not sent: the server never had the sign-off),
 *   the paragraph's local head goes back to the sign-off's base, and unsent changes based on it are
 *   rebased there.
 * - A refused assignment is taken back the same way: the document's assignment goes back to the
 *   team's head value (outboxAssignment.ts, audited), local head and later changes as for a sign-off.
 * - Any other refused change stays as it is in the local library (the work is never dropped) and
 *   is listed with the server's reason until dismissed (given up; changes on it are rebased) or
 *   sent again (`retryRefused`, e.g. once an admin registered the member).
 */
import type Database from 'better-sqlite3';
import { outgoingChangeSchema, type OutgoingChange, type PushResult } from '../../../shared/team/changes.js';
import type { Repositories } from '../../db/repositories/index.js';
import { runWithoutCapture } from './captureSwitch.js';
import { outboxStatements, toOutgoing, type OutboxRow } from './outboxStore.js';
import { withdrawRefusedSignOff } from './outboxWithdraw.js';
import { takeBackRefusedAssignment } from './outboxAssignment.js';

/** A change the team server refused, for the UI ("Sign-off of paragraph 3 refused by the team server: …"). */
export interface TeamRefusal {
  changeId: string;
  kind: OutgoingChange['kind'];
  documentId: string;
  /** The document's title, when it is still here. */
  documentTitle: string | null;
  /** The paragraph's id and number (1-based) for paragraph and sign-off changes, when it is still here. */
  paragraphId: string | null;
  paragraphNumber: number | null;
  code: string;
  message: string;
  clientAt: string;
}

interface RefusalRow extends OutboxRow {
  title: string | null;
  position: number | null;
  paragraph_id: string | null;
}

export type OutboxRepos = Pick<Repositories, 'paragraphs' | 'revisions'>;

/** The outbox's own statements, prepared once per outbox. */
function prepareStatements(db: Database.Database) {
  return {
    pendingStmt: db.prepare<[number], OutboxRow>(
      'SELECT * FROM team_outbox WHERE acked_seq IS NULL AND refused_code IS NULL ORDER BY rowid LIMIT ?',
    ),
    sentStmt: db.prepare<[string]>('UPDATE team_outbox SET sent = 1 WHERE change_id = ? AND sent = 0'),
    waitingStmt: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM team_outbox WHERE acked_seq IS NULL AND refused_code IS NULL'),
    ackStmt: db.prepare<[number, string]>('UPDATE team_outbox SET acked_seq = ? WHERE change_id = ? AND acked_seq IS NULL'),
    refuseStmt: db.prepare<[string, string, string]>(
      'UPDATE team_outbox SET refused_code = ?, refused_message = ? WHERE change_id = ? AND acked_seq IS NULL',
    ),
    headBackStmt: db.prepare<[string, string, string]>('UPDATE team_heads SET local_head = ? WHERE entity_id = ? AND local_head = ?'),
    headToServerStmt: db.prepare<[string, string]>(
      'UPDATE team_heads SET local_head = server_head WHERE entity_id = ? AND local_head = ? AND server_head IS NOT NULL',
    ),
    dropHeadStmt: db.prepare<[string, string]>('DELETE FROM team_heads WHERE entity_id = ? AND local_head = ? AND server_head IS NULL'),
    rebaseStmt: db.prepare<[string | null, string]>(
      'UPDATE team_outbox SET base_id = ? WHERE base_id = ? AND acked_seq IS NULL AND refused_code IS NULL',
    ),
    refusalsStmt: db.prepare<[], RefusalRow>(
      `SELECT o.*, d.title, p.position, p.id AS paragraph_id FROM team_outbox o
       LEFT JOIN documents d ON d.id = o.document_id
       LEFT JOIN paragraphs p ON p.id = o.entity_id AND o.kind IN ('paragraph', 'sign-off')
     WHERE o.refused_code IS NOT NULL ORDER BY o.rowid`,
    ),
    dismissStmt: db.prepare<[string]>('DELETE FROM team_outbox WHERE change_id = ? AND refused_code IS NOT NULL'),
    retryStmt: db.prepare<[string]>(
      "UPDATE team_outbox SET refused_code = NULL, refused_message = NULL WHERE change_id = ? AND kind NOT IN ('sign-off', 'assignment')",
    ),
  };
}

export function createOutbox(db: Database.Database, repos: OutboxRepos, now: () => Date = () => new Date()) {
  const s = outboxStatements(db);
  const {
    pendingStmt,
    sentStmt,
    waitingStmt,
    ackStmt,
    refuseStmt,
    headBackStmt,
    headToServerStmt,
    dropHeadStmt,
    rebaseStmt,
    refusalsStmt,
    dismissStmt,
    retryStmt,
  } = prepareStatements(db);

  /** The change will not reach the server: the entity's next change builds on what it was based on. */
  function unchain(row: OutboxRow): void {
    if (row.base_id !== null) headBackStmt.run(row.base_id, row.entity_id, row.change_id);
    else {
      headToServerStmt.run(row.entity_id, row.change_id);
      dropHeadStmt.run(row.entity_id, row.change_id);
    }
  }

  /** The sign-off never reached the server: withdraw it here and let the next change build on what the server has. */
  function takeBackSignOff(row: OutboxRow): void {
    runWithoutCapture(db, () => withdrawRefusedSignOff(db, repos, row, now().toISOString()));
    unchain(row);
  }

  /** Given up for good: later changes on it (not yet sent) build on its base instead. */
  const dismissTx = db.transaction((changeId: string): boolean => {
    const row = s.get.get(changeId);
    if (!row || row.refused_code === null) return false;
    if (row.kind !== 'sign-off' && row.kind !== 'assignment') unchain(row);
    rebaseStmt.run(row.base_id, row.change_id);
    return dismissStmt.run(changeId).changes === 1;
  });

  /** Marks what it hands out as sent; a row that is not a valid change is never sent: it is refused here, with the reason. */
  const pendingTx = db.transaction((limit: number): OutgoingChange[] => {
    const out: OutgoingChange[] = [];
    for (const row of pendingStmt.all(limit)) {
      if (row.sent === 0) sentStmt.run(row.change_id);
      const checked = outgoingChangeSchema.safeParse(toOutgoing(row));
      if (checked.success) out.push(checked.data);
      else refuseStmt.run('TEAM_CHANGE_INVALID', `Not sent: ${checked.error.issues[0]?.message ?? 'invalid change'}.`, row.change_id);
    }
    return out;
  });

  const markPushedTx = db.transaction((results: readonly PushResult[]) => {
    const refused: OutboxRow[] = [];
    for (const r of results) {
      if (r.ok) {
        ackStmt.run(r.seq, r.id);
        continue;
      }
      const row = s.get.get(r.id);
      if (!row || row.acked_seq !== null || row.refused_code !== null) continue;
      refuseStmt.run(r.code, r.message, r.id);
      if (row.kind === 'sign-off') {
        takeBackSignOff(row);
        refused.push(row);
      } else if (row.kind === 'assignment') {
        takeBackRefusedAssignment(db, row, `${r.code}: ${r.message}`, now().toISOString());
        unchain(row);
        refused.push(row);
      }
    }
    // Changes not yet sent that were made on a refused sign-off or assignment now build on its base.
    for (const row of refused) rebaseStmt.run(row.base_id, row.change_id);
  });

  return {
    /** Oldest first: changes neither acknowledged nor refused. Handed-out changes are no longer rewritten by autosave. */
    pendingChanges(limit: number): OutgoingChange[] {
      return pendingTx(Math.max(0, Math.floor(limit)));
    },
    /** One transaction: ok → `acked_seq`; refused → code and message kept, the change taken back (see above). */
    markPushed(results: readonly PushResult[]): void {
      markPushedTx(results);
    },
    /** Changes waiting to be pushed (the status line's "N changes waiting"). */
    waitingCount(): number {
      return waitingStmt.get()?.n ?? 0;
    },
    refusals(): TeamRefusal[] {
      return refusalsStmt.all().map((r) => ({
        changeId: r.change_id,
        kind: r.kind,
        documentId: r.document_id,
        documentTitle: r.title,
        paragraphId: r.paragraph_id,
        paragraphNumber: r.position === null ? null : r.position + 1,
        code: r.refused_code ?? '',
        message: r.refused_message ?? '',
        clientAt: r.client_at,
      }));
    },
    /**
     * The person read the refusal and gives the change up: it leaves the list and will not be sent
     * (the local library keeps the work); unsent changes made on it are rebased on its base.
     */
    dismissRefusal(changeId: string): boolean {
      return dismissTx(changeId);
    },
    /** Sends a refused change again (not a sign-off or an assignment: those were taken back; do them again instead). */
    retryRefused(changeId: string): boolean {
      return retryStmt.run(changeId).changes === 1;
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
