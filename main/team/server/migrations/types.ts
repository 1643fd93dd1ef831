/** A numbered step of the team server's schema (main/team/server/migrations/), applied once, in order, in one transaction. */
export interface ServerMigration {
  version: number;
  name: string;
  sql: string;
}
