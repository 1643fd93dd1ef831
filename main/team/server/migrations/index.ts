/** Every team server migration, in order (higher numbers only; a database already at a version skips lower ones). */
import { serverMigration0001Team } from './0001-team.js';
import { serverMigration0002TeamId } from './0002-team-id.js';
import { serverMigration0003DocumentDeletion } from './0003-document-deletion.js';
import type { ServerMigration } from './types.js';

export const SERVER_MIGRATIONS: readonly ServerMigration[] = [
  serverMigration0001Team,
  serverMigration0002TeamId,
  serverMigration0003DocumentDeletion,
];

/** The newest schema this Verso knows; a database at a higher version is refused untouched. */
export const SERVER_SCHEMA_VERSION = Math.max(...SERVER_MIGRATIONS.map((m) => m.version));
