/**
 * The hook through which a damaged library offers its newest good backup (issue 13, items 1–2).
 * The backups work (item 1) provides the real finder; until then nothing is found.
 */
export interface GoodBackup {
  /** Absolute path of the backup file. */
  file: string;
  /** When it was made (ISO 8601). */
  createdAt: string;
}

/** Finds the newest backup of `dataDir`'s library that passes an integrity check, or null. */
export type FindNewestGoodBackup = (dataDir: string) => GoodBackup | null;

/** The end of the damaged-library sentence: what the user can do next. */
export function backupOffer(backup: GoodBackup | null): string {
  return backup
    ? `restore the newest good backup, ${backup.file} (made ${backup.createdAt}), with "verso restore ${backup.file}".`
    : 'no good backup was found: keep a copy of the file and ask for help.';
}
