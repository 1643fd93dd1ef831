import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
// findBy…/waitFor wait up to 5 s (default 1 s): the shared 2-core machine is often busy.
configure({ asyncUtilTimeout: 5_000 });
afterEach(() => cleanup());
