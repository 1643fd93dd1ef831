/** The library's backups and restoring one (issue 13, item 1): the methods, declared once. */
import { z } from 'zod';
import { exactly, type ApiOf, type Contract } from '../contract/contract.js';
import { empty } from '../contract/models.js';
import { BACKUP_FILE_PATTERN, BACKUP_KEEP_MAX, BACKUP_KEEP_MIN, BACKUP_REASONS, type BackupInfo, type BackupList } from './backupsApi.js';

const backupInfo = exactly<BackupInfo>()(
  z.object({ fileName: z.string(), createdAt: z.string(), reason: z.enum(BACKUP_REASONS), sizeBytes: z.number() }),
);
const backupList = exactly<BackupList>()(
  z.object({
    backups: z.array(backupInfo),
    keep: z.number(),
    folder: z.string(),
    lastProblem: z.object({ at: z.string(), reason: z.enum(BACKUP_REASONS), message: z.string() }).nullable(),
  }),
);

export const backupsContract = {
  listBackups: { input: empty, output: backupList, errors: ['BACKUP_FAILED'] },
  /** A backup now (reason "manual"), verified after writing; BACKUP_FAILED when it could not be written or read back. */
  createBackup: { input: empty, output: backupInfo, errors: ['BACKUP_FAILED'] },
  /** How many backups to keep (BACKUP_KEEP_MIN..BACKUP_KEEP_MAX); older ones are deleted now. */
  setBackupKeep: {
    input: z.object({ keep: z.number().int().min(BACKUP_KEEP_MIN).max(BACKUP_KEEP_MAX) }).strict(),
    output: backupList,
    errors: ['BACKUP_FAILED'],
  },
  /**
   * Replaces the library with one of the backups. The current library is backed up first
   * (reason "pre-restore"); calls that arrive meanwhile wait and then see the restored library.
   * Refused (nothing changes): BACKUP_NOT_FOUND, BACKUP_NOT_A_LIBRARY, BACKUP_DAMAGED, DB_TOO_NEW.
   * A name in the backups folder only: never a path.
   */
  restoreBackup: {
    input: z.object({ fileName: z.string().max(100).regex(BACKUP_FILE_PATTERN) }).strict(),
    output: z.object({ restored: backupInfo, safetyBackup: backupInfo.nullable() }),
    errors: [
      'BACKUP_NOT_FOUND',
      'BACKUP_NOT_A_LIBRARY',
      'BACKUP_DAMAGED',
      'DB_TOO_NEW',
      'BACKUP_FAILED',
      'RESTORE_IN_PROGRESS',
      'RESTORE_FAILED',
    ],
  },
} as const satisfies Contract;

export type BackupsApi = ApiOf<typeof backupsContract>;
