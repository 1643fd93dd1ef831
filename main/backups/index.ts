/**
 * What the backend takes from the backups module (issue 13, item 1): `newestGoodBackup(dataDir)`
 * offers the newest good backup when the library is damaged. The CLI and the services import the
 * module's files directly (`restoreLibrary.ts` puts a backup in place before the library is opened).
 */
export { newestGoodBackup } from './backupFiles.js';
