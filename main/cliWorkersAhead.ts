/**
 * The first module the CLI entry (cli.ts) imports, so that it runs before the rest of the CLI is
 * loaded: the import workers the command will need start loading meanwhile (cli/workersAhead.ts).
 */
import { startWorkersAhead } from './cli/workersAhead.js';

startWorkersAhead(process.argv.slice(2));
