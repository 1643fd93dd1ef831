/** Every migration, in order. Add new ones at the end (0020-…, 0030-…) with a test that migrates a DB holding data. */
import { migration0010Initial } from './0010-initial.js';
import { migration0030Workflow } from './0030-workflow.js';
import type { Migration } from './types.js';

export type { Migration } from './types.js';

export const MIGRATIONS: readonly Migration[] = [
  migration0010Initial,
  migration0030Workflow,
].sort((a, b) => a.version - b.version);
