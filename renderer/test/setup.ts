import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
afterEach(() => cleanup());
// findBy*/waitFor give up after this long. Testing Library's default (1 s) is a wall-clock
// assertion in disguise: on this shared 2-core machine the first render of a test file, while
// other workers run, can take longer. Nothing waits this long when things work.
configure({ asyncUtilTimeout: 5000 });
// Text journalled by one test (editor/draftJournal) must not come back in the next.
afterEach(() => window.localStorage.clear());
