/**
 * Document deletions (docs/team.md "Deletions"): a `document` change whose payload is
 * `{ "deleted": true, ... }` deletes the document for the whole team, so only editors and admins
 * may make one — refused with TEAM_ROLE_FORBIDDEN (VS002) by a trigger, and by row-level security
 * too (a restrictive policy: 42501, also TEAM_ROLE_FORBIDDEN), like a translator's sign-off.
 * A deletion must be `"deleted": true` on the document itself (entity = document), else VS005.
 *
 * Additive: its own trigger function (fired after `changes_before_insert`, names sort so, which
 * has already skipped a re-pushed id and refused non-members) and its own policy; nothing of 0001
 * is replaced.
 */
import { REFUSAL_SQLSTATE } from '../../../../shared/team/changes.js';
import type { ServerMigration } from './types.js';

const GROUPS = 'verso_translator, verso_editor, verso_admin';
const S = REFUSAL_SQLSTATE;
const EDITOR_OR_ADMIN_GROUP = "(pg_has_role(session_user, 'verso_editor', 'MEMBER') OR pg_has_role(session_user, 'verso_admin', 'MEMBER'))";

const trigger = `
CREATE FUNCTION verso.before_document_deletion() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  m verso.members%ROWTYPE;
BEGIN
  IF NEW.kind IS DISTINCT FROM 'document' OR NOT (NEW.payload ? 'deleted') THEN
    RETURN NEW;
  END IF;
  IF (NEW.payload->'deleted') IS DISTINCT FROM 'true'::jsonb OR NEW.entity_id IS DISTINCT FROM NEW.document_id THEN
    RAISE EXCEPTION USING ERRCODE = '${S.TEAM_CHANGE_INVALID}',
      MESSAGE = 'A document deletion is a document change with payload "deleted": true on the document itself.';
  END IF;
  SELECT * INTO m FROM verso.members WHERE role_name = session_user;
  IF NOT (FOUND AND m.team_role IN ('editor', 'admin') AND ${EDITOR_OR_ADMIN_GROUP}) THEN
    RAISE EXCEPTION USING ERRCODE = '${S.TEAM_ROLE_FORBIDDEN}',
      MESSAGE = format('Only editors and admins delete team documents: %s is a %s.', session_user, coalesce(m.team_role, 'non-member'));
  END IF;
  RETURN NEW;
END
$fn$;
REVOKE ALL ON FUNCTION verso.before_document_deletion() FROM PUBLIC;

-- Fires after changes_before_insert (trigger names sort so): a re-pushed id was already skipped there.
CREATE TRIGGER changes_before_insert_deletion BEFORE INSERT ON verso.changes
  FOR EACH ROW EXECUTE FUNCTION verso.before_document_deletion();`;

const policy = `
CREATE POLICY changes_insert_document_deletion ON verso.changes AS RESTRICTIVE FOR INSERT TO ${GROUPS} WITH CHECK (
  kind <> 'document' OR NOT (payload ? 'deleted')
  OR (${EDITOR_OR_ADMIN_GROUP}
    AND EXISTS (SELECT 1 FROM verso.members m WHERE m.role_name = session_user AND m.team_role IN ('editor', 'admin')))
);`;

export const serverMigration0003DocumentDeletion: ServerMigration = {
  version: 3,
  name: 'document-deletion',
  sql: [trigger, policy].join('\n'),
};
