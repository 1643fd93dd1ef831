/**
 * What the UI needs from its host besides the API: saving a file and remembering the interface
 * language. main.tsx provides the browser implementation (the only code that touches `window`);
 * tests provide a recording one.
 */
import { createContext, useContext, type ReactNode } from 'react';

export interface SavedFile {
  fileName: string;
  mimeType: string;
  content: string;
  /** Binary content (e.g. DOCX); when given, it is saved instead of `content`. */
  bytes?: Uint8Array;
}

export interface Platform {
  /** Offers the content to the user as a downloaded file. */
  saveFile(file: SavedFile): void;
  /** Remembers the chosen interface language. */
  saveUiLanguage(language: string): void;
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
