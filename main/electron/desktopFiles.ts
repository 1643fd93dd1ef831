/**
 * Saving exports in the desktop app: the renderer hands over a file (name and bytes), main asks
 * where to save it (a save dialog, starting in the last folder used or Downloads), writes it and
 * says where it went; "Show in folder" reveals only files it saved itself. The Electron calls
 * are injected (main.ts), so this is tested without Electron.
 */
import path from 'node:path';
import { z } from 'zod';
import type { SaveOutcome } from '../../shared/savedFile.js';

export interface DesktopFileDeps {
  /** The save dialog: the chosen path, or null when cancelled. */
  chooseSavePath(defaultPath: string): Promise<string | null>;
  writeFile(filePath: string, bytes: Uint8Array): Promise<void>;
  /** Shows the file in the system's file manager. */
  reveal(filePath: string): void;
  /** Where the first dialog starts. */
  downloadsDir: string;
}

const MAX_BYTES = 64 * 1024 * 1024;

const fileSchema = z
  .object({
    fileName: z.string().min(1).max(255),
    mimeType: z.string().max(200),
    content: z.string().max(MAX_BYTES),
    bytes: z.instanceof(Uint8Array).optional(),
  })
  .strict();

/** A file name only: no folders, no control or reserved characters; never empty. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .trim();
  return cleaned === '' ? 'export' : cleaned.slice(0, 200);
}

export function createDesktopFiles(deps: DesktopFileDeps) {
  const saved = new Set<string>();
  let lastFolder = deps.downloadsDir;
  return {
    async save(input: unknown): Promise<SaveOutcome> {
      const file = fileSchema.parse(input);
      if (file.bytes && file.bytes.byteLength > MAX_BYTES) throw new Error('The file is too large.');
      const chosen = await deps.chooseSavePath(path.join(lastFolder, safeFileName(file.fileName)));
      if (chosen === null) return { kind: 'cancelled' };
      await deps.writeFile(chosen, file.bytes ?? new TextEncoder().encode(file.content));
      saved.add(chosen);
      lastFolder = path.dirname(chosen);
      return { kind: 'saved', fileName: path.basename(chosen), folder: path.dirname(chosen), path: chosen };
    },
    /** False (and nothing shown) for a path this app did not save in this run. */
    showInFolder(input: unknown): boolean {
      if (typeof input !== 'string' || !saved.has(input)) return false;
      deps.reveal(input);
      return true;
    },
  };
}
