import { configDefaults, defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'main/**/*.test.ts', 'tools/**/*.test.ts'],
          exclude: [...configDefaults.exclude, '**/*.pg.test.ts'],
          // Every service's value is checked against its output schema (main/api/outputChecks.ts).
          env: { VERSO_CHECK_OUTPUTS: '1' },
          setupFiles: ['main/testing/detailsCheck.setup.ts'],
          testTimeout: 60_000,
        },
      },
      {
        // Tests against a real PostgreSQL (the team server): one private cluster per run, started by
        // the global setup unless VERSO_TEST_PG_URL names one; each test makes its own database.
        test: {
          name: 'postgres',
          environment: 'node',
          include: ['main/**/*.pg.test.ts'],
          globalSetup: ['main/team/server/testing/pgGlobalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
          // The real backend for component tests comes in through a setup file outside renderer/
          // (the renderer never imports main/): see shared/testing/testBackend.ts.
          setupFiles: ['main/testing/detailsCheck.setup.ts', 'main/testing/rendererBackend.setup.ts', 'renderer/test/setup.ts'],
          // Component tests over the real services check outputs and error details too.
          env: { VERSO_CHECK_OUTPUTS: '1' },
          testTimeout: 30_000,
        },
      },
    ],
  },
});
