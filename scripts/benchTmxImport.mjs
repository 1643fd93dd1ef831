#!/usr/bin/env node
// npm run bench:tmx-import [-- --units N] — a generated TMX (default 1,000,000 units) imported
// through the CLI; the bench lives in tools/benchTmxImport/ (TypeScript); this bundles it and runs it.
import { runTsBench } from './runTsBench.mjs';

process.exit(await runTsBench('tools/benchTmxImport/benchTmxImport.ts', process.argv.slice(2)));
