/**
 * Vitest globalSetup of the `postgres` test project (vitest.config.ts, files `*.pg.test.ts`): one
 * private cluster per run (pgCluster.ts) unless VERSO_TEST_PG_URL names a server to use (a
 * superuser's URL). Each test makes its own database and roles (pgTestDatabase.ts).
 */
import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startPgCluster } from './pgCluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    versoPgUrl: string;
    /** The CA of the server's TLS certificate (for 127.0.0.1); with VERSO_TEST_PG_URL, from the file VERSO_TEST_PG_CA. */
    versoPgCaPem: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env.VERSO_TEST_PG_URL;
  if (given) {
    project.provide('versoPgUrl', given);
    project.provide('versoPgCaPem', process.env.VERSO_TEST_PG_CA ? fs.readFileSync(process.env.VERSO_TEST_PG_CA, 'utf8') : '');
    return undefined;
  }
  const cluster = await startPgCluster();
  project.provide('versoPgUrl', cluster.url);
  project.provide('versoPgCaPem', cluster.caPem);
  return () => cluster.stop();
}
