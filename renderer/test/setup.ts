import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
afterEach(() => cleanup());
// The machine running the tests is shared and may be busy: findBy*/waitFor wait up to 5 s, not 1 s.
configure({ asyncUtilTimeout: 5_000 });
