/**
 * `verso glossary-export --source <lang> --target <lang> [--format tbx|tbx-v2|tbx-v3|csv] --out
 * <file-or-folder> [--force]`: one language pair's glossary as the app exports it (same service).
 * `tbx` is TBX-Basic 2008 (v2), the form OmegaT and translate-toolkit read; `tbx-v3` is TBX v3.
 */
import { parseArgs } from 'node:util';
import type { GlossaryExportResult, GlossaryFileFormat, GlossaryTbxVersion } from '../../shared/features/glossaryApi.js';
import type { Backend } from '../backend.js';
import { CliError, resolveOutputPath, writeExportFile } from './writeExportFile.js';
import type { CliIo } from './cliIo.js';

type Usage = (message: string) => Error;

const FORMATS: Readonly<Record<string, { format: GlossaryFileFormat; tbxVersion?: GlossaryTbxVersion }>> = {
  tbx: { format: 'tbx', tbxVersion: 'v2' },
  'tbx-v2': { format: 'tbx', tbxVersion: 'v2' },
  'tbx-basic': { format: 'tbx', tbxVersion: 'v2' },
  'tbx-v3': { format: 'tbx', tbxVersion: 'v3' },
  csv: { format: 'csv' },
};

export const GLOSSARY_USAGE = `  verso glossary-export --source <lang> --target <lang> --out <file-or-folder> [--format <f>] [--force]
      One language pair's glossary. <f>: tbx (TBX-Basic 2008, v2: OmegaT, translate-toolkit; the
      default), tbx-v3 (TBX v3, ISO 30042:2019) or csv.`;

export async function glossaryExportCommand(io: CliIo, args: string[], openLibrary: () => Backend, usage: Usage): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      source: { type: 'string' },
      target: { type: 'string' },
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw usage(`"verso glossary-export" takes no arguments (got ${positionals.join(' ')}).`);
  if (values.source === undefined || values.target === undefined)
    throw usage('--source and --target (language tags, e.g. en and es) are required.');
  if (values.out === undefined) throw usage('--out is required: a file, or an existing folder.');
  const chosen = FORMATS[(values.format ?? 'tbx').toLowerCase()];
  if (!chosen) throw usage(`Unknown glossary format "${values.format}". Choose one of: ${Object.keys(FORMATS).join(', ')}.`);
  const backend = openLibrary();
  try {
    const result = await backend.dispatch('exportGlossary', { sourceLang: values.source, targetLang: values.target, ...chosen });
    if (!result.ok) throw new CliError(`${result.error.message} (${result.error.code})`);
    const file = result.value as GlossaryExportResult;
    const target = resolveOutputPath(values.out, file.fileName, io.cwd);
    writeExportFile(target, Buffer.from(file.content, 'utf8'), values.force === true);
    io.out(`${target}\n`);
    return 0;
  } finally {
    backend.close();
  }
}
