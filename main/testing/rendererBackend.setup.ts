/**
 * Setup file of the renderer's vitest project (vitest.config.ts): hands the real-backend harness to
 * component tests without the renderer importing main/ (see shared/testing/testBackend.ts), closes
 * every backend a test opened (database closed, temporary directory removed) after it, and removes
 * the snapshots a test file made once it ends.
 */
import { afterAll, afterEach } from 'vitest';
import { TEST_BACKEND_GLOBAL, type TestBackend, type TestBackendFactory } from '../../shared/testing/testBackend.js';
import { removeTempDir } from './tempDir.js';

const open = new Set<TestBackend>();
const snapshots: string[] = [];

const factory: TestBackendFactory = async (options) => {
  // Loaded on first use: test files that never ask for a backend do not load main/.
  const { createRendererBackend } = await import('./rendererBackend.js');
  const backend = createRendererBackend(options);
  open.add(backend);
  return {
    ...backend,
    snapshot() {
      open.delete(backend);
      const snapshot = backend.snapshot();
      snapshots.push(snapshot.dir);
      return snapshot;
    },
  };
};
(globalThis as Record<string, unknown>)[TEST_BACKEND_GLOBAL] = factory;

// Registered before renderer/test/setup.ts, so (hooks run as a stack) after its cleanup() has
// unmounted the app.
afterEach(() => {
  for (const backend of open) backend.close();
  open.clear();
});

afterAll(() => {
  for (const dir of snapshots.splice(0)) removeTempDir(dir);
});
