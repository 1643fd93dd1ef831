import { describe, expect, it, vi } from 'vitest';
import type { JobProgress } from '../../shared/types.js';
import { createEventHub } from './eventHub.js';

const progress: JobProgress = { jobId: 'j', documentId: 'd', state: 'running', done: 1, total: 2, error: null };

describe('event hub', () => {
  it('delivers to every subscriber until it unsubscribes, and survives a throwing one', () => {
    const hub = createEventHub();
    const seen: unknown[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    hub.subscribe(() => {
      throw new Error('window closed');
    });
    const stop = hub.subscribe((event, payload) => seen.push([event, payload]));
    hub.emit('jobProgress', progress);
    stop();
    hub.emit('jobProgress', { ...progress, done: 2 });
    expect(seen).toEqual([['jobProgress', progress]]);
    vi.restoreAllMocks();
  });
});
