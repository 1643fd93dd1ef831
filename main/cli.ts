#!/usr/bin/env node
/** `verso` on the command line (package.json "bin"): see main/cli/runCli.ts. */
// First: its import workers start loading while the rest of the CLI loads.
import './cliWorkersAhead.js';
import { APP_VERSION } from './appRoot.js';
import { runCli } from './cli/runCli.js';
import { resolveDataDir } from './paths.js';
import { escapeForTerminal } from '../shared/textHygiene.js';

// A reader that stops early (`verso list | head -1`) closes the pipe: stop quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  version: APP_VERSION,
  resolveDataDir,
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(escapeForTerminal(`verso: ${err instanceof Error ? err.message : String(err)}\n`));
    process.exitCode = 1;
  },
);
