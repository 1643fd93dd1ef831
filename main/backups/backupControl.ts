import type { BackupRunner } from './backupRunner.js';
import type { RestoreResult } from './restoreLibrary.js';

/** What the backend gives the service: its backup runner and the restore that swaps the open library. */
export interface BackupControl {
  runner: BackupRunner;
  /** Replaces the library with `source` while no call runs (main/backend.ts). */
  restore(source: string): Promise<RestoreResult>;
  /** The number to keep, as the backend reads it. */
  keep(): number;
}
