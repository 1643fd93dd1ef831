/**
 * `verso sync` (issue 16): one round with the team server for pipelines and cron — push what waits
 * in the outbox, pull what others did — then stop. The server and user are the ones saved in
 * Settings → Team; the password is the stored one or VERSO_TEAM_PASSWORD (the desktop app's
 * password is sealed by the system keychain, which the CLI cannot open). Takes the library's lock:
 * while the app runs, it syncs by itself.
 */
import type { TeamStatus } from '../../shared/features/teamApi.js';
import type { Backend } from '../backend.js';
import type { CliIo } from './cliIo.js';

export const SYNC_USAGE = `  verso sync
      One round with the team server saved in Settings → Team (password: the stored one or
      VERSO_TEAM_PASSWORD): pushes the changes waiting here, pulls the others'. Exit 1 when the
      server could not be reached or refused changes.`;

export async function syncCommand(io: CliIo, args: string[], openLibrary: () => Backend, usage: (m: string) => Error): Promise<number> {
  if (args.length > 0) throw usage(`"verso sync" takes no arguments (got ${args.join(' ')}).`);
  const backend = openLibrary();
  try {
    const before = await backend.api.getTeamStatus({});
    if (!before.configured) {
      io.err('This library is not connected to a team: set the team server under Settings → Team first.\n');
      return 1;
    }
    const after = await backend.api.syncTeamNow({});
    io.out(describe(after));
    return after.state === 'online' && after.lastError === null && after.refusals.length === 0 ? 0 : 1;
  } finally {
    backend.close();
  }
}

function describe(s: TeamStatus): string {
  const where = s.settings ? `${s.settings.user}@${s.settings.host}:${s.settings.port}/${s.settings.database}` : 'the team server';
  const lines = [`Team server ${where}: ${s.state}. ${s.waiting} ${s.waiting === 1 ? 'change' : 'changes'} waiting.`];
  if (s.lastError) lines.push(`Problem: ${s.lastError}`);
  else if (s.state !== 'online')
    lines.push('Problem: the round did not reach the server (is its password stored, or VERSO_TEAM_PASSWORD set?).');
  for (const r of s.refusals) lines.push(`Refused: ${r.kind} in "${r.documentTitle ?? r.documentId}" (${r.code}): ${r.message}`);
  return lines.join('\n') + '\n';
}
