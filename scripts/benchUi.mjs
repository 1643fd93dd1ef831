#!/usr/bin/env node
// npm run bench:ui — long documents through the whole app (browser mode + Playwright + Debian's
// Chromium) beside raw `apertium eng-spa` on the same text. The bench lives in tools/benchUi/
// (TypeScript, its pure parts unit-tested); this bundles it and runs it. Options (see README):
//   --sizes 1500,5000,10000  --runs N  --only translate,find,reopen,cancel  --plain
//   --step-timeout SECONDS (default 600)  --no-build
import { runTsBench } from './runTsBench.mjs';

process.exit(await runTsBench('tools/benchUi/benchUi.ts', process.argv.slice(2), ['@playwright/test', 'playwright', 'playwright-core']));
