/**
 * The headless CLI for newsroom pipelines, over the same services and `VERSO_DATA_DIR` as the app:
 *   verso list [--json]
 *   verso export <document> --format <format> --out <file-or-folder> [--draft] [--force]
 *   verso verify <attestation.jsonld> [--text FILE] | verso verify --library   (verifyCommand.ts)
 *   verso backup [--out FILE] [--force] | verso restore FILE   (backupCommand.ts)
 *   verso glossary-export --source L --target L --out PATH [--format tbx|tbx-v3|csv]   (glossaryCommand.ts)
 *   verso import <file> … | verso reimport <document> <file> [--tool NAME]   (importCommand.ts)
 *   verso tm import <file.tmx> --pair en-es [--replace]   (tmCommand.ts)
 *   verso team init | add-user | status   (teamCommand.ts: the team library's PostgreSQL)
 *   verso sync                            (syncCommand.ts: one round with the team server)
 * Every failure prints one clear line to stderr and ends with a non-zero exit code
 * (1: the export or the library refused; 2: wrong usage). Everything written goes through
 * `escapeForTerminal`: control and bidi characters (from titles, names, what was typed) appear
 * as visible \uXXXX escapes, never raw.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_FILE_FORMATS, type ExportFileFormat, type ExportFileResult } from '../../shared/features/exportingApi.js';
import type { DocumentSummary } from '../../shared/types.js';
import { createBackend, DB_FILE_NAME, type Backend } from '../backend.js';
import { slugify } from '../export/naming.js';
import type { CliIo } from './cliIo.js';
import { CliError, resolveOutputPath, writeExportFile } from './writeExportFile.js';
import { verifyCommand } from './verifyCommand.js';
import { backupCommand, restoreCommand } from './backupCommand.js';
import { GLOSSARY_USAGE, glossaryExportCommand } from './glossaryCommand.js';
import { importCommand, reimportCommand } from './importCommand.js';
import { tmCommand, TM_USAGE } from './tmCommand.js';
import { TEAM_USAGE } from './teamUsage.js';
import { syncCommand, SYNC_USAGE } from './syncCommand.js';
import { teamPorts } from '../teamPorts.js';
import { escapeForTerminal } from '../../shared/textHygiene.js';

class UsageError extends CliError {}

export const USAGE = `Usage:
  verso list [--json]
      The documents in the library (VERSO_DATA_DIR).
  verso export <document> --format <format> --out <file-or-folder> [--draft] [--force]
      <document>: its id, or its exact title (or the title's file-name form).
      <format>: ${EXPORT_FILE_FORMATS.join(', ')}.
      --out: a file, or an existing folder to put the file in under its own name.
      --draft: a draft export (always possible, marked as draft); default publish-ready.
      --force: overwrite an existing file.
  verso verify <attestation.jsonld> [--text FILE]
      Checks an attestation with only that file: every sign-off's Ed25519 signature and text hash;
      --text: an exported plain text (--format txt) against it, paragraph by paragraph.
  verso verify --library
      Checks the whole library: the audit chain, the history and every signed-off paragraph.
  verso backup [--out FILE] [--force]
      A verified backup of the library (default: into the library's backups folder).
  verso restore FILE
      Replaces the library with FILE (a backup, or a library from \`verso backup --out\`; into an
      empty VERSO_DATA_DIR too). The current library is backed up first. Not while Verso runs.
${GLOSSARY_USAGE}
  verso import <file> --source <lang> --target <lang> [--file-languages] [--title TEXT] [--prefill]
               [--prefill-from <file.tmx>]
      Imports a file as a new document (as the library's profile). An XLIFF in other languages is
      refused unless --file-languages: then it is imported in the file's languages.
      --prefill: then fills its paragraphs that have a 100 % translation memory match (as
      "Pre-fill 100% matches" does when a document is opened) and prints how many.
      --prefill-from <file.tmx>: fills them from a TMX file of any size, read once and not stored
      (the same matches as \`verso tm import\` then --prefill); a broken file fills nothing.
  verso reimport <document> <file> [--tool NAME]
      Applies a revised source, or an XLIFF another tool translated (its changed targets become
      revisions credited to the tool; --tool names it when the file does not), and prints a summary.
${TM_USAGE}
${TEAM_USAGE}
${SYNC_USAGE}
  verso --help | --version`;

const ALIASES: Readonly<Record<string, ExportFileFormat>> = {
  text: 'txt',
  markdown: 'md',
  xliff: 'xliff20',
  xliff2: 'xliff20',
  'xliff-2.0': 'xliff20',
  'xliff-1.2': 'xliff12',
  'xliff-cat': 'xliff12cat',
  cat: 'xliff12cat',
  json: 'provenance',
  jsonld: 'attestation',
  'json-ld': 'attestation',
};

function formatOf(value: string | undefined): ExportFileFormat {
  if (value === undefined) throw new UsageError(`--format is required (${EXPORT_FILE_FORMATS.join(', ')}).`);
  const v = value.toLowerCase();
  const found = EXPORT_FILE_FORMATS.find((f) => f === v) ?? ALIASES[v];
  if (!found) throw new UsageError(`Unknown format "${value}". Choose one of: ${EXPORT_FILE_FORMATS.join(', ')}.`);
  return found;
}

async function call<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new CliError(`${result.error.message} (${result.error.code})`);
  return result.value as T;
}

/**
 * Opens the library for one command. Commands that change the library as a whole (restore) pass
 * `exclusive` and hold the data directory's lock, refused while another Verso runs on it; reading
 * and exporting do not (an export's one audit row is a transaction SQLite serialises, and pipelines
 * export while the app is open).
 */
/** `team`: with the team server's ports (`verso sync`); other commands never sync. */
export function openLibrary(io: CliIo, exclusive = false, team = false): Backend {
  const dataDir = io.resolveDataDir(io.env);
  if (!fs.existsSync(path.join(dataDir, DB_FILE_NAME))) {
    throw new CliError(`There is no Verso library in ${dataDir}. Set VERSO_DATA_DIR to the folder the app uses.`);
  }
  return createBackend({
    dataDir,
    mode: 'browser',
    version: io.version,
    verifyAtStart: false,
    integrityCheckIdleMs: null,
    lock: exclusive,
    lockCommand: 'verso (CLI)',
    backups: { automatic: false },
    // Warnings and errors to <data dir>/logs/verso.log, never to stdout.
    logLevel: 'warn',
    ...(team ? { team: teamPorts } : {}),
  });
}

export function findDocument(docs: readonly DocumentSummary[], ref: string): DocumentSummary {
  const byId = docs.find((d) => d.id === ref);
  if (byId) return byId;
  const wanted = ref.trim().toLowerCase();
  const matches = docs.filter((d) => d.title.trim().toLowerCase() === wanted || slugify(d.title) === wanted);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new CliError(
      `${matches.length} documents are called "${ref}": use the id (${matches.map((d) => d.id).join(', ')}). See "verso list".`,
    );
  }
  throw new CliError(`No document "${ref}" in the library. See "verso list" for ids and titles.`);
}

async function list(io: CliIo, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  if (positionals.length > 0) throw new UsageError(`"verso list" takes no arguments (got ${positionals.join(' ')}).`);
  const backend = openLibrary(io);
  try {
    const docs = await call<DocumentSummary[]>(backend, 'listDocuments', {});
    if (values.json) {
      io.out(JSON.stringify(docs, null, 2) + '\n');
      return;
    }
    if (docs.length === 0) {
      io.out('The library is empty.\n');
      return;
    }
    const rows = docs.map((d) => [d.id, `${d.sourceLang}→${d.targetLang}`, `${d.signedOffCount}/${d.paragraphCount} signed off`, d.title]);
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => [...r[i]!].length)));
    for (const r of rows) io.out(r.map((c, i) => (i < 3 ? c + ' '.repeat(widths[i]! - [...c].length) : c)).join('  ') + '\n');
  } finally {
    backend.close();
  }
}

async function exportCommand(io: CliIo, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      draft: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('Give exactly one document: verso export <document> --format … --out …');
  const format = formatOf(values.format);
  if (values.out === undefined) throw new UsageError('--out is required: a file, or an existing folder.');
  const backend = openLibrary(io);
  try {
    const docs = await call<DocumentSummary[]>(backend, 'listDocuments', {});
    const doc = findDocument(docs, positionals[0]!);
    const result = await call<ExportFileResult>(backend, 'exportFile', {
      documentId: doc.id,
      format,
      mode: values.draft ? 'draft' : 'publish',
    });
    const target = resolveOutputPath(values.out, result.fileName, io.cwd);
    const bytes = result.encoding === 'base64' ? Buffer.from(result.content, 'base64') : Buffer.from(result.content, 'utf8');
    writeExportFile(target, bytes, values.force === true);
    for (const w of result.warnings) {
      io.err(cliWarning(w));
    }
    io.out(`${target}\n`);
  } finally {
    backend.close();
  }
}

/** Runs one command; returns the exit code. */
export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io: CliIo = { ...rawIo, out: (text) => rawIo.out(escapeForTerminal(text)), err: (text) => rawIo.err(escapeForTerminal(text)) };
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'list':
        await list(io, rest);
        return 0;
      case 'export':
        await exportCommand(io, rest);
        return 0;
      case 'verify':
        return await verifyCommand({ ...io, openLibrary: () => openLibrary(io) }, rest, (message) => new UsageError(message));
      case 'backup':
        return await backupCommand(io, rest, (message) => new UsageError(message));
      case 'restore':
        return await restoreCommand(io, rest, (message) => new UsageError(message));
      case 'glossary-export':
        return await glossaryExportCommand(
          io,
          rest,
          () => openLibrary(io),
          (message) => new UsageError(message),
        );
      case 'import':
        return await importCommand({ ...io, openLibrary: () => openLibrary(io), findDocument }, rest, (message) => new UsageError(message));
      case 'reimport':
        return await reimportCommand(
          { ...io, openLibrary: () => openLibrary(io), findDocument },
          rest,
          (message) => new UsageError(message),
        );
      case 'tm':
        return await tmCommand(
          io,
          rest,
          () => openLibrary(io, true),
          (message) => new UsageError(message),
        );
      case 'team': {
        // The PostgreSQL client (pg) loads only for this command.
        const { teamCommand } = await import('./teamCommand.js');
        return await teamCommand(io, rest, (message) => new UsageError(message));
      }
      case 'sync':
        return await syncCommand(
          io,
          rest,
          () => openLibrary(io, true, true),
          (message) => new UsageError(message),
        );
      case '--version':
      case '-v':
        io.out(`${io.version}\n`);
        return 0;
      case '--help':
      case '-h':
      case 'help':
        io.out(USAGE + '\n');
        return 0;
      case undefined:
        throw new UsageError('No command given.');
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (err) {
    const usage = err instanceof UsageError || (err as { code?: unknown } | null)?.code?.toString().startsWith('ERR_PARSE_ARGS') === true;
    const message = err instanceof Error ? err.message : String(err);
    io.err(`verso: ${message}\n`);
    if (usage) io.err(`\n${USAGE}\n`);
    return usage ? 2 : 1;
  }
}

function cliWarning(w: ExportFileResult['warnings'][number]): string {
  switch (w.code) {
    case 'FOOTER_LIKE_PARAGRAPH':
      return `warning: paragraph ${w.paragraph} of the ${w.side === 'source' ? 'source' : 'translation'} reads like a disclosure footer.\n`;
    case 'FOOTER_ALREADY_PRESENT':
      return `warning: the translation already ends with the disclosure footer (paragraphs ${w.paragraphs.join(', ')}); it appears once.\n`;
    case 'FOOTER_OMITTED':
      return `warning: no disclosure footer (policy "${w.policy}", set by ${w.decidedBy ?? 'an unrecorded change'}${w.reason ? `: ${w.reason}` : ''}).\n`;
    case 'FOOTER_TEMPLATE_CUSTOM':
      return `warning: the disclosure footer for ${w.lang} is the publication's own wording, not the vetted template (sha256 ${w.sha256.slice(0, 12)}).\n`;
    case 'TMX_SIGNED_OFF_ONLY':
      return `warning: a TMX holds signed-off paragraphs only: ${w.units} of ${w.paragraphs} are in it.\n`;
  }
}
