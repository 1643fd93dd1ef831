/** Why talking to the team server failed as a whole (a single refused change is a `PushResult`, not this). */
export type TeamServerErrorCode =
  | 'TEAM_OFFLINE' // the server could not be reached (or the connection dropped)
  | 'TEAM_AUTH_FAILED' // wrong user or password
  | 'TEAM_TLS_REQUIRED' // a plain connection to a host that is not loopback
  | 'TEAM_TLS_FAILED' // the server's certificate is not the team CA's, or not for that host
  | 'TEAM_SCHEMA_MISSING' // the database has no Verso team schema (run `verso team init`)
  | 'TEAM_SCHEMA_NEWER' // the database was set up by a newer Verso
  | 'TEAM_SCHEMA_OLD' // the database's schema predates what this Verso needs (run `verso team init` to migrate)
  | 'TEAM_NOT_MEMBER' // the login role is not a registered member
  | 'TEAM_SERVER_ERROR'; // anything else the server said

export class TeamServerError extends Error {
  constructor(
    readonly code: TeamServerErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TeamServerError';
  }
}
