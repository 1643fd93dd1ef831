/**
 * The team server's identity and a checked client clock (docs/team.md "Server", "Switching team server").
 *
 * - `verso.team`: one row, the team id (a UUID made here, once): every member reads it on connect,
 *   and a library that synced with another id (another server, or this database re-created) resets
 *   its team state before pulling (main/team/local/teamIdentity.ts).
 * - `client_at` was already `timestamptz`, but PostgreSQL also takes `infinity`, `epoch`, `now`,
 *   years beyond JavaScript's dates: a stored `infinity` would make every member's pull fail. A
 *   BEFORE INSERT trigger (it runs after `changes_before_insert`, by name, so a re-push stays
 *   idempotent) refuses a client time that is not finite or not in years 1–9999 (`VS005`: the
 *   change is refused as TEAM_CHANGE_INVALID). Rows stored before are kept as they are; the client
 *   reads one it cannot represent as its received time (changeRows.ts).
 */
import { REFUSAL_SQLSTATE } from '../../../../shared/team/changes.js';
import type { ServerMigration } from './types.js';

const GROUPS = 'verso_translator, verso_editor, verso_admin';

const teamTable = `
CREATE TABLE verso.team (
  one        boolean PRIMARY KEY DEFAULT true CHECK (one),
  id         uuid NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO verso.team DEFAULT VALUES;
REVOKE ALL ON verso.team FROM PUBLIC;
GRANT SELECT ON verso.team TO ${GROUPS};`;

const clientAtCheck = `
CREATE FUNCTION verso.check_change_client_at() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
BEGIN
  IF NEW.client_at IS NULL OR NOT isfinite(NEW.client_at)
     OR NEW.client_at < '0001-01-01 00:00:00+00'::timestamptz OR NEW.client_at >= '10000-01-01 00:00:00+00'::timestamptz THEN
    RAISE EXCEPTION USING ERRCODE = '${REFUSAL_SQLSTATE.TEAM_CHANGE_INVALID}',
      MESSAGE = format('A change''s client time must be a date and time in years 1 to 9999 (got %s).', NEW.client_at);
  END IF;
  RETURN NEW;
END
$fn$;
REVOKE ALL ON FUNCTION verso.check_change_client_at() FROM PUBLIC;
CREATE TRIGGER changes_check_client_at BEFORE INSERT ON verso.changes FOR EACH ROW EXECUTE FUNCTION verso.check_change_client_at();`;

export const serverMigration0002TeamId: ServerMigration = {
  version: 2,
  name: 'team-id',
  sql: [teamTable, clientAtCheck].join('\n'),
};
