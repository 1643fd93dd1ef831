/**
 * Types of the library's backups (issue 13); the methods are declared in `backupsContract.ts`.
 */
/** Why a backup was taken. */
export const BACKUP_REASONS = ['start', 'daily', 'pre-migration', 'manual', 'pre-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** How many backups are kept (the newest); older ones are deleted after each new backup. */
export const BACKUP_KEEP_DEFAULT = 10;
export const BACKUP_KEEP_MIN = 1;
export const BACKUP_KEEP_MAX = 100;

/** One backup file in `<data dir>/backups/`. */
export interface BackupInfo {
  /** The file's name: `verso-<UTC timestamp>-<reason>.sqlite`, sortable by time. */
  fileName: string;
  /** When it was taken (ISO 8601, UTC). */
  createdAt: string;
  reason: BackupReason;
  sizeBytes: number;
}

export interface BackupList {
  /** Newest first. */
  backups: BackupInfo[];
  keep: number;
  /** The folder they are in. */
  folder: string;
  /** The last automatic or manual backup that failed (deleted, never listed), until one succeeds. */
  lastProblem: { at: string; reason: BackupReason; message: string } | null;
}

/** `verso-20261203T020219123Z-start.sqlite` */
export const BACKUP_FILE_PATTERN = /^verso-(\d{8}T\d{9}Z)-([a-z-]+)\.sqlite$/;
