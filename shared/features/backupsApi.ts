/**
 * Part of the API contract: the library's automatic and manual backups, and restoring one
 * (issue 13, item 1). Schemas in `shared/features/backupsSchemas.ts`, the service in
 * `main/services/features/backups.ts`, the files in `main/db/backups.ts`.
 */

export const BACKUPS_ERROR_CODES = [
  'BACKUP_FAILED',
  'BACKUP_NOT_FOUND',
  'BACKUP_NOT_A_LIBRARY',
  'BACKUP_DAMAGED',
  'RESTORE_IN_PROGRESS',
  'RESTORE_FAILED',
] as const satisfies readonly string[];

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

export interface BackupsApi {
  listBackups(input: Record<string, never>): Promise<BackupList>;
  /** A backup now (reason "manual"), verified after writing; BACKUP_FAILED when it could not be written or read back. */
  createBackup(input: Record<string, never>): Promise<BackupInfo>;
  /** How many backups to keep (BACKUP_KEEP_MIN..BACKUP_KEEP_MAX); older ones are deleted now. */
  setBackupKeep(input: { keep: number }): Promise<BackupList>;
  /**
   * Replaces the library with one of the backups. The current library is backed up first
   * (reason "pre-restore"); calls that arrive meanwhile wait and then see the restored library.
   * Refused (nothing changes): BACKUP_NOT_FOUND, BACKUP_NOT_A_LIBRARY, BACKUP_DAMAGED, DB_TOO_NEW.
   */
  restoreBackup(input: { fileName: string }): Promise<{ restored: BackupInfo; safetyBackup: BackupInfo | null }>;
}

export const BACKUPS_METHODS = ['listBackups', 'createBackup', 'setBackupKeep', 'restoreBackup'] as const satisfies readonly (keyof BackupsApi)[];

/** `verso-20261203T020219123Z-start.sqlite` */
export const BACKUP_FILE_PATTERN = /^verso-(\d{8}T\d{9}Z)-([a-z-]+)\.sqlite$/;
