/** `verso team`'s usage, apart from teamCommand.ts so that `verso --help` does not load the PostgreSQL client. */
export const TEAM_USAGE = `  verso team init [<postgres-url>]
      Creates or migrates the team schema in that database (as its owner: a superuser, or a role
      with CREATEROLE that owns the database), with the groups verso_translator, verso_editor, verso_admin.
  verso team add-user <name> --role translator|editor|admin --public-key FILE [--display-name TEXT]
                      [--password-stdin] [--url <postgres-url>]
      Adds a member: a login role with a SCRAM password (read from stdin, or generated and printed
      once), its group, and its Ed25519 public key registered (SPKI PEM, or the base64 key Verso
      shows, e.g. an attestation's publicKey).
  verso team status [<postgres-url>] [--json]
      Schema version, members (role, key registered), changes, last seq, connections.
      <postgres-url>: postgres://owner@host:port/database (default: VERSO_TEAM_ADMIN_URL); not on
      this computer it needs ?sslmode=verify-full&sslrootcert=CA.pem.`;
