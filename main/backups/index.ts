/**
 * The backups module's public face (issue 13, item 1), for the app, the CLI and the integrity check
 * at open: `newestGoodBackup(dataDir)` offers the newest good backup when the library is damaged,
 * and `restoreLibraryFile` puts one in place before the library is opened (an unreadable current
 * file is kept aside, never deleted).
 */
export { newestGoodBackup } from './backupFiles.js';
