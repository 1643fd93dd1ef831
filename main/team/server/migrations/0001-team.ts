/**
 * The team server's first schema (docs/team.md "Server"): the three groups, members, the
 * append-only change log with row-level security, entity heads, and the triggers that order,
 * check and announce changes. Runs as the schema owner inside the runner's transaction.
 */
import { CHANGE_KINDS, REFUSAL_SQLSTATE, VERSIONED_KINDS } from '../../../../shared/team/changes.js';
import type { ServerMigration } from './types.js';

/** pg_advisory_xact_lock key that orders inserts into verso.changes (per database). */
export const CHANGE_ORDER_LOCK = 7_665_727_301;

const list = (values: Iterable<string>): string => [...values].map((v) => `'${v}'`).join(', ');
const GROUPS = 'verso_translator, verso_editor, verso_admin';
/** zod's uuid(): what clients accept (shared/team/changes.ts); a stored id must pass it. */
const UUID_RE =
  '^([0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$';
const S = REFUSAL_SQLSTATE;

const groups = `
DO $$
DECLARE g text;
BEGIN
  FOREACH g IN ARRAY ARRAY['verso_translator', 'verso_editor', 'verso_admin'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = g) THEN
      BEGIN
        EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', g);
      EXCEPTION WHEN duplicate_object THEN NULL; -- another database's init made it meanwhile
      END;
    ELSIF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = g AND (rolcanlogin OR rolsuper OR rolbypassrls)) THEN
      RAISE EXCEPTION 'The role % exists and can log in, is a superuser or bypasses row-level security: a Verso group must be a plain NOLOGIN role.', g;
    END IF;
  END LOOP;
END $$;`;

const tables = `
CREATE TABLE verso.members (
  role_name    name PRIMARY KEY,
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  team_role    text NOT NULL CHECK (team_role IN ('translator', 'editor', 'admin')),
  public_key   text,
  key_id       text UNIQUE CHECK (key_id ~ '^[0-9a-f]{32}$'),
  added_by     name NOT NULL DEFAULT session_user,
  added_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((public_key IS NULL) = (key_id IS NULL))
);

CREATE SEQUENCE verso.change_seq AS bigint;

-- seq, author, outcome and received_at are always set by the BEFORE INSERT trigger (whatever the client sent).
CREATE TABLE verso.changes (
  seq         bigint PRIMARY KEY,
  id          uuid NOT NULL UNIQUE,
  author      name NOT NULL,
  kind        text NOT NULL CHECK (kind IN (${list(CHANGE_KINDS)})),
  document_id text NOT NULL CHECK (length(document_id) BETWEEN 1 AND 200),
  entity_id   text NOT NULL CHECK (length(entity_id) BETWEEN 1 AND 200),
  base_id     uuid,
  outcome     text NOT NULL CHECK (outcome IN ('applied', 'conflict')),
  payload     jsonb NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
  client_at   timestamptz NOT NULL,
  received_at timestamptz NOT NULL
);
CREATE INDEX changes_entity_idx ON verso.changes (entity_id, seq);
CREATE INDEX changes_document_idx ON verso.changes (document_id, seq);

-- Per versioned entity: the change that is its head (null: a conflict arrived before any head) and the open conflicts.
CREATE TABLE verso.heads (
  entity_id    text PRIMARY KEY,
  head_id      uuid REFERENCES verso.changes (id) DEFERRABLE INITIALLY DEFERRED,
  conflict_ids uuid[] NOT NULL DEFAULT '{}'
);`;

const refuse = (code: string, message: string, ...args: string[]): string =>
  `RAISE EXCEPTION USING ERRCODE = '${code}', MESSAGE = format(${[`'${message.replace(/'/g, "''")}'`, ...args].join(', ')});`;

const validate = `
  IF NEW.id IS NULL OR NEW.id::text !~ '${UUID_RE}' THEN ${refuse(S.TEAM_CHANGE_INVALID, 'A change id must be a UUID (got %s).', 'NEW.id')} END IF;
  IF NEW.base_id IS NOT NULL AND NEW.base_id::text !~ '${UUID_RE}' THEN ${refuse(S.TEAM_CHANGE_INVALID, 'A base id must be a UUID.')} END IF;
  IF NEW.kind IS NULL OR NOT (NEW.kind = ANY (ARRAY[${list(CHANGE_KINDS)}])) THEN ${refuse(S.TEAM_CHANGE_INVALID, 'Unknown change kind %s.', 'NEW.kind')} END IF;
  IF NEW.payload IS NULL OR jsonb_typeof(NEW.payload) <> 'object' THEN ${refuse(S.TEAM_CHANGE_INVALID, 'A change payload must be a JSON object.')} END IF;
  IF NEW.client_at IS NULL THEN ${refuse(S.TEAM_CHANGE_INVALID, 'A change needs its client time.')} END IF;
  IF NEW.payload ? 'resolves' AND (jsonb_typeof(NEW.payload->'resolves') <> 'array' OR EXISTS (
      SELECT 1 FROM jsonb_array_elements(NEW.payload->'resolves') r(v) WHERE jsonb_typeof(r.v) <> 'string' OR (r.v #>> '{}') !~ '${UUID_RE}')) THEN
    ${refuse(S.TEAM_CHANGE_INVALID, 'payload.resolves must be a list of change ids.')}
  END IF;`;

const roleChecks = `
  IF NEW.kind = 'sign-off' AND NOT (m.team_role = 'editor' AND pg_has_role(session_user, 'verso_editor', 'MEMBER')) THEN
    ${refuse(S.TEAM_ROLE_FORBIDDEN, 'Only editors sign off: %s is a %s.', 'session_user', 'm.team_role')}
  END IF;
  IF NEW.kind = 'assignment' AND NOT (m.team_role IN ('editor', 'admin')
      AND (pg_has_role(session_user, 'verso_editor', 'MEMBER') OR pg_has_role(session_user, 'verso_admin', 'MEMBER'))) THEN
    ${refuse(S.TEAM_ROLE_FORBIDDEN, 'Only editors and admins assign documents: %s is a %s.', 'session_user', 'm.team_role')}
  END IF;
  IF NEW.kind = 'sign-off' AND (m.key_id IS NULL OR (NEW.payload->>'keyId') IS DISTINCT FROM m.key_id) THEN
    ${refuse(S.TEAM_KEY_NOT_REGISTERED, 'The sign-off is signed with key %s, but the key registered for %s is %s.', "coalesce(NEW.payload->>'keyId', 'none')", 'session_user', "coalesce(m.key_id, 'none')")}
  END IF;`;

const heads = `
  IF NEW.kind = ANY (ARRAY[${list(VERSIONED_KINDS)}]) THEN
    SELECT * INTO h FROM verso.heads WHERE entity_id = NEW.entity_id;
    IF NEW.kind = 'sign-off' AND (NEW.base_id IS DISTINCT FROM h.head_id OR cardinality(coalesce(h.conflict_ids, '{}')) > 0) THEN
      ${refuse(S.TEAM_SIGN_OFF_STALE, 'The paragraph changed since this sign-off was made (or is in conflict): it was not signed off.')}
    END IF;
    IF NEW.base_id IS NOT DISTINCT FROM h.head_id THEN
      resolved := ARRAY(SELECT (r.v)::uuid FROM jsonb_array_elements_text(coalesce(NEW.payload->'resolves', '[]')) r(v));
      INSERT INTO verso.heads AS t (entity_id, head_id, conflict_ids) VALUES (NEW.entity_id, NEW.id, '{}')
        ON CONFLICT (entity_id) DO UPDATE SET head_id = NEW.id,
          conflict_ids = ARRAY(SELECT c FROM unnest(t.conflict_ids) WITH ORDINALITY u(c, o) WHERE NOT (c = ANY (resolved)) ORDER BY o);
    ELSE
      NEW.outcome := 'conflict';
      INSERT INTO verso.heads AS t (entity_id, head_id, conflict_ids) VALUES (NEW.entity_id, NULL, ARRAY[NEW.id])
        ON CONFLICT (entity_id) DO UPDATE SET conflict_ids = t.conflict_ids || NEW.id;
    END IF;
  END IF;`;

const beforeInsert = `
CREATE FUNCTION verso.before_change_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  m verso.members%ROWTYPE;
  h verso.heads%ROWTYPE;
  resolved uuid[];
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    ${refuse(S.TEAM_CHANGE_INVALID, 'Changes are pushed in READ COMMITTED transactions (this one is %s).', "current_setting('transaction_isolation')")}
  END IF;
  SELECT * INTO m FROM verso.members WHERE role_name = session_user;
  IF NOT FOUND THEN ${refuse(S.TEAM_NOT_MEMBER, 'The role %s is not a member of this Verso team.', 'session_user')} END IF;
  ${validate}
  -- One writer at a time, until commit: seq order is commit order, so a cursor never skips a change.
  PERFORM pg_advisory_xact_lock(${CHANGE_ORDER_LOCK});
  IF EXISTS (SELECT 1 FROM verso.changes WHERE id = NEW.id) THEN
    RETURN NULL; -- pushed before: idempotent, nothing changes
  END IF;
  ${roleChecks}
  NEW.author := session_user;
  NEW.outcome := 'applied';
  NEW.received_at := clock_timestamp();
  ${heads}
  NEW.seq := nextval('verso.change_seq');
  RETURN NEW;
END
$fn$;

CREATE FUNCTION verso.after_changes_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE last bigint;
BEGIN
  SELECT max(seq) INTO last FROM inserted;
  IF last IS NOT NULL THEN
    PERFORM pg_notify('verso_changes', last::text);
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER changes_before_insert BEFORE INSERT ON verso.changes FOR EACH ROW EXECUTE FUNCTION verso.before_change_insert();
CREATE TRIGGER changes_notify AFTER INSERT ON verso.changes REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION verso.after_changes_insert();`;

const security = `
ALTER TABLE verso.changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE verso.changes FORCE ROW LEVEL SECURITY;
CREATE POLICY changes_read ON verso.changes FOR SELECT TO ${GROUPS} USING (true);
-- The owner (and so the SECURITY DEFINER trigger) reads too; it inserts through no policy.
CREATE POLICY changes_owner_read ON verso.changes FOR SELECT TO PUBLIC
  USING (pg_has_role(current_user, (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = 'verso.changes'::regclass), 'USAGE'));
CREATE POLICY changes_insert ON verso.changes FOR INSERT TO ${GROUPS} WITH CHECK (
  author = session_user
  AND (kind <> 'sign-off' OR (pg_has_role(session_user, 'verso_editor', 'MEMBER')
    AND EXISTS (SELECT 1 FROM verso.members m WHERE m.role_name = session_user AND m.team_role = 'editor')))
  AND (kind <> 'assignment' OR ((pg_has_role(session_user, 'verso_editor', 'MEMBER') OR pg_has_role(session_user, 'verso_admin', 'MEMBER'))
    AND EXISTS (SELECT 1 FROM verso.members m WHERE m.role_name = session_user AND m.team_role IN ('editor', 'admin'))))
);

REVOKE ALL ON SCHEMA verso FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA verso FROM PUBLIC;
REVOKE ALL ON SEQUENCE verso.change_seq FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA verso FROM PUBLIC;
GRANT USAGE ON SCHEMA verso TO ${GROUPS};
GRANT SELECT ON verso.schema_version, verso.members, verso.heads TO ${GROUPS};
GRANT SELECT, INSERT ON verso.changes TO ${GROUPS};`;

export const serverMigration0001Team: ServerMigration = {
  version: 1,
  name: 'team',
  sql: [groups, tables, beforeInsert, security].join('\n'),
};
