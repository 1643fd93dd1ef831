/**
 * `verso verify <attestation.jsonld> [--text FILE]` and `verso verify --library` (issue 12).
 * Problems: one line each on stderr, exit code 1; all good: one line on stdout, exit code 0.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { LibraryCheck } from '../../shared/features/signaturesApi.js';
import type { Backend } from '../backend.js';
import { parseAttestation, verifyAttestation, verifyTextAgainst } from '../signing/verifyAttestation.js';
import { describeProblem } from '../signing/verifyLibrary.js';
import { CliError } from './writeExportFile.js';

export interface VerifyIo {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
  openLibrary: () => Backend;
}

function readText(file: string, cwd: string, what: string): string {
  try {
    return fs.readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new CliError(`cannot read the ${what} ${file}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}`);
  }
}

async function verifyLibraryCommand(io: VerifyIo): Promise<number> {
  const backend = io.openLibrary();
  try {
    const result = await backend.dispatch('verifyLibrary', {});
    if (!result.ok) throw new CliError(`${result.error.message} (${result.error.code})`);
    const check = result.value as LibraryCheck;
    if (check.state !== 'done') throw new CliError('the library check could not finish (the library could not be read)');
    for (const p of check.problems) io.err(`library: ${describeProblem(p)}\n`);
    if (check.problemCount > check.problems.length) io.err(`library: … and ${check.problemCount - check.problems.length} more problems\n`);
    if (check.problemCount > 0) return 1;
    io.out(`library verified: ${check.links} audit records, ${check.revisions} revisions, ${check.signedOff} signed-off paragraphs\n`);
    return 0;
  } finally {
    backend.close();
  }
}

/** Returns the exit code; throws `CliError` (1) or a usage error from parseArgs (2). */
export async function verifyCommand(io: VerifyIo, args: string[], usage: (message: string) => Error): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { text: { type: 'string' }, library: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.library) {
    if (positionals.length > 0 || values.text !== undefined) throw usage('--library takes no attestation or --text.');
    return verifyLibraryCommand(io);
  }
  if (positionals.length !== 1)
    throw usage('Give exactly one attestation: verso verify <attestation.jsonld> [--text FILE], or verso verify --library.');
  const file = positionals[0]!;
  const att = parseAttestation(readText(file, io.cwd, 'attestation'));
  if (typeof att === 'string') throw new CliError(`${file}: ${att}`);
  const check = verifyAttestation(att);
  const problems = check.problems.map((p) => `${file}: ${p}`);
  if (values.text !== undefined)
    problems.push(
      ...verifyTextAgainst(att, readText(values.text, io.cwd, 'text')).map((p) => `${values.text}: ${p.replace(/^text: /, '')}`),
    );
  for (const p of problems) io.err(`${p}\n`);
  if (problems.length > 0) return 1;
  const keys = new Set(att.hasPart.map((p) => p.signOff?.keyId));
  io.out(
    `${file}: ${check.verified} paragraphs verified, signed by ${keys.size} ${keys.size === 1 ? 'key' : 'keys'}${values.text !== undefined ? `; ${values.text} matches` : ''}\n`,
  );
  return 0;
}
