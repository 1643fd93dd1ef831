/**
 * Where an exported file went, as the host tells the UI: the browser's downloads (browser mode:
 * the page cannot know the folder), a folder the user chose in the desktop app's save dialog, or
 * nowhere (the dialog was cancelled).
 */
export type SaveOutcome =
  { kind: 'downloaded'; fileName: string } | { kind: 'saved'; fileName: string; folder: string; path: string } | { kind: 'cancelled' };
