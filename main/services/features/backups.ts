/** Settings → Backups (issue 13): the list, "Back up now", the number to keep and restore. */
import path from 'node:path';
import type { BackupList } from '../../../shared/features/backupsApi.js';
import type { BackupsApi } from '../../../shared/features/backupsContract.js';
import { backupInfo, backupsDir, listBackupFiles, rotateBackups } from '../../backups/backupFiles.js';
import type { BackupControl } from '../../backups/backupControl.js';
import type { ServiceDeps } from '../context.js';
import { ServiceError } from '../../core/serviceError.js';

export const BACKUP_KEEP_SETTING = 'backupKeep';

export function createBackupsService(deps: ServiceDeps): BackupsApi {
  const dataDir = deps.appInfo.dataDir;
  const control = (): BackupControl => {
    if (!deps.backups) throw new ServiceError('BACKUP_FAILED', 'Backups are not available in this process.');
    return deps.backups;
  };
  const list = (): BackupList => ({
    backups: listBackupFiles(dataDir),
    keep: control().keep(),
    folder: backupsDir(dataDir),
    lastProblem: control().runner.lastProblem(),
  });
  return {
    async listBackups() {
      return list();
    },
    async createBackup() {
      return control().runner.backup('manual');
    },
    async setBackupKeep({ keep }) {
      control();
      deps.repos.settings.set(BACKUP_KEEP_SETTING, keep);
      rotateBackups(dataDir, keep);
      return list();
    },
    async restoreBackup({ fileName }) {
      const dir = backupsDir(dataDir);
      const restored = backupInfo(dir, fileName);
      if (!restored) throw new ServiceError('BACKUP_NOT_FOUND', `There is no backup ${fileName} in ${dir}.`);
      const result = await control().restore(path.join(dir, fileName));
      return { restored, safetyBackup: result.safetyBackup };
    },
  };
}
