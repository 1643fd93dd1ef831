/** zod schemas for the methods of `BackupsApi`. */
import { z } from 'zod';
import { BACKUP_FILE_PATTERN, BACKUP_KEEP_MAX, BACKUP_KEEP_MIN, type BackupsApi } from './backupsApi.js';
import type { SchemaMap } from '../schemaMap.js';

export const backupsSchemas = {
  listBackups: z.object({}).strict(),
  createBackup: z.object({}).strict(),
  setBackupKeep: z.object({ keep: z.number().int().min(BACKUP_KEEP_MIN).max(BACKUP_KEEP_MAX) }).strict(),
  // A name in the backups folder only: never a path.
  restoreBackup: z.object({ fileName: z.string().max(100).regex(BACKUP_FILE_PATTERN) }).strict(),
} satisfies SchemaMap<BackupsApi>;
