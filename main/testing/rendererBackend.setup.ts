/**
 * Setup file of the renderer's vitest project (vitest.config.ts): hands the real-backend harness to
 * component tests without the renderer importing main/ (see shared/testing/testBackend.ts), and
 * closes every backend a test opened (database closed, temporary directory removed) after it.
 */
import { afterEach } from 'vitest';
import { TEST_BACKEND_GLOBAL, type TestBackend, type TestBackendFactory } from '../../shared/testing/testBackend.js';
import { createRendererBackend } from './rendererBackend.js';

const open = new Set<TestBackend>();

const factory: TestBackendFactory = (options) => {
  const backend = createRendererBackend(options);
  open.add(backend);
  return backend;
};
(globalThis as Record<string, unknown>)[TEST_BACKEND_GLOBAL] = factory;

// Registered before renderer/test/setup.ts, so (hooks run as a stack) after its cleanup() has
// unmounted the app.
afterEach(() => {
  for (const backend of open) backend.close();
  open.clear();
});
