/** Playwright fixtures: a fresh data folder and a running browser-mode server per test. */
import { test as base } from '@playwright/test';
import { makeDataDir, removeDataDir, startServer, type RunningServer } from './server.js';

interface Fixtures {
  dataDir: string;
  server: RunningServer;
  /** Stops the server and starts it again on the same data folder (a new token and port). */
  restartServer: () => Promise<RunningServer>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none.
  dataDir: async ({}, use) => {
    const dir = makeDataDir();
    await use(dir);
    await removeDataDir(dir);
  },
  server: async ({ dataDir }, use) => {
    const server = await startServer(dataDir);
    await use(server);
    await server.stop();
  },
  restartServer: async ({ server, dataDir }, use) => {
    let current = server;
    const restarts: RunningServer[] = [];
    await use(async () => {
      await current.stop();
      current = await startServer(dataDir);
      restarts.push(current);
      return current;
    });
    for (const s of restarts) await s.stop();
  },
});

export { expect } from '@playwright/test';
