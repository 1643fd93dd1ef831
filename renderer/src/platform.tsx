/**
 * What the UI needs from its host besides the API: saving a file and remembering the interface
 * language. main.tsx provides the browser and desktop implementations (the only code that touches `window`);
 * tests provide a recording one.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { SaveOutcome } from '../../shared/savedFile.js';
import type { TmxSourceOf } from './memory/tmxSource.js';

export type { SaveOutcome };

export interface SavedFile {
  fileName: string;
  mimeType: string;
  content: string;
  /** Binary content (e.g. DOCX); when given, it is saved instead of `content`. */
  bytes?: Uint8Array;
}

export interface Platform {
  /** Saves the file (browser: a download; desktop: a save dialog) and says where it went. */
  saveFile(file: SavedFile): Promise<SaveOutcome>;
  /** Shows a file saved by `saveFile` in the system's file manager; absent where the host cannot (browser mode). */
  showInFolder?(path: string): Promise<void>;
  /** Remembers the chosen interface language. */
  saveUiLanguage(language: string): void;
  /** Loads the whole interface again (after a restore replaced the library); absent in component tests. */
  reload?(): void;
  /** Where a streamed TMX import reads a chosen file (desktop: its path; browser: an upload); absent in component tests. */
  tmxSource?: TmxSourceOf;
}

const PlatformContext = createContext<Platform | null>(null);

export function PlatformProvider({ platform, children }: { platform: Platform; children: ReactNode }) {
  return <PlatformContext.Provider value={platform}>{children}</PlatformContext.Provider>;
}

export function usePlatform(): Platform {
  const platform = useContext(PlatformContext);
  if (!platform) throw new Error('usePlatform() needs a <PlatformProvider> above it');
  return platform;
}
