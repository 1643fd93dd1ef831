/**
 * Setup file of vitest's node and renderer projects (vitest.config.ts): in checking mode a
 * ServiceError's details are checked from a test's first line, once main/core/serviceError.ts has
 * loaded the schemas it loads apart (so that the app's import worker starts without zod).
 */
import { detailsCheckReady } from '../core/serviceError.js';

await detailsCheckReady;
