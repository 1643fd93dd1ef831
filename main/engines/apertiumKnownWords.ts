/**
 * The words known to narrow each pair's tagger (word → the ambiguity class its model lacks), as
 * the taggers report them (apertiumTaggerScheduler.ts), optionally kept in a JSON file across
 * restarts. Only routing depends on them: a stale or damaged file costs time, never a different
 * translation, and is ignored.
 */
import fs from 'node:fs';

type Saved = Record<string, [string, string][]>;

export interface KnownWords {
  /** The (live, growing) words of one mode. */
  forMode(mode: string): Map<string, string>;
  /** Writes the file when words were learnt since it was read or written (a temporary file, then rename). */
  save(): void;
}

function read(file: string | undefined): Saved {
  const saved: Saved = {};
  if (!file) return saved;
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (parsed && typeof parsed === 'object') {
      for (const [mode, entries] of Object.entries(parsed as Record<string, unknown>)) {
        if (!Array.isArray(entries)) continue;
        saved[mode] = entries.filter(
          (e): e is [string, string] => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'string',
        );
      }
    }
  } catch {
    // None yet, or unreadable: start from nothing.
  }
  return saved;
}

export function createKnownWords(file?: string): KnownWords {
  const byMode = new Map<string, Map<string, string>>();
  let saved: Saved | null = null;
  const savedWords = (): Saved => (saved ??= read(file));
  let savedCount = -1;
  return {
    forMode(mode) {
      let words = byMode.get(mode);
      if (!words) byMode.set(mode, (words = new Map<string, string>(savedWords()[mode] ?? [])));
      return words;
    },
    save() {
      if (!file) return;
      const count = [...byMode.values()].reduce((n, m) => n + m.size, 0);
      if (savedCount === -1) savedCount = Object.values(savedWords()).reduce((n, e) => n + e.length, 0);
      if (count === savedCount) return;
      const data: Saved = { ...savedWords() };
      for (const [mode, words] of byMode) data[mode] = [...words];
      try {
        fs.writeFileSync(`${file}.tmp`, JSON.stringify(data));
        fs.renameSync(`${file}.tmp`, file);
        savedCount = count;
      } catch {
        // Not written: learnt again next time.
      }
    },
  };
}
