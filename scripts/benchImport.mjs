#!/usr/bin/env node
// npm run bench:import — pathological files through the whole app (browser mode), beside ordinary
// articles of the same size. The bench lives in tools/benchImport/ (TypeScript); this bundles it
// and runs it. Options: --size BYTES  --runs N  --only SUBSTRING (see the bench's header).
import { runTsBench } from './runTsBench.mjs';

process.exit(await runTsBench('tools/benchImport/benchImport.ts', process.argv.slice(2)));
