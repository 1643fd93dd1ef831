#!/usr/bin/env node
/** `verso` (package.json "bin", dist/main/cli.cjs): runs the CLI's bundle beside it (cliMain.cjs, main/cli.ts) with its code cache. */
import path from 'node:path';
import { runWithCodeCache } from './codeCache/runWithCodeCache.js';

runWithCodeCache(path.join(__dirname, 'cliMain.cjs'), 'cli', 'exit');
