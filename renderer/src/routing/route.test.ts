import { describe, expect, it } from 'vitest';
import { createMemoryLocation } from './location.js';
import { formatRoute, parseRoute, type Route } from './route.js';

describe('routes in the URL hash', () => {
  it('round-trip every route', () => {
    const routes: Route[] = [
      { name: 'library' },
      { name: 'import' },
      { name: 'glossary' },
      { name: 'settings' },
      { name: 'settings', section: 'publication' },
      { name: 'document', documentId: 'b6f1c1d2-0c3e-4e0e-9d7a-1f2e3d4c5b6a' },
      { name: 'document', documentId: 'odd id/with#signs?' },
    ];
    for (const route of routes) expect(parseRoute(formatRoute(route))).toEqual(route);
    expect(formatRoute({ name: 'document', documentId: 'odd id/with#signs?' })).toBe('#/documents/odd%20id%2Fwith%23signs%3F');
  });

  it('reads the library from an empty hash and tolerates extra slashes; refuses what names nothing', () => {
    for (const hash of ['', '#', '#/', '#//']) expect(parseRoute(hash)).toEqual({ name: 'library' });
    expect(parseRoute('#/documents/abc/')).toEqual({ name: 'document', documentId: 'abc' });
    expect(parseRoute('settings')).toEqual({ name: 'settings' });
    for (const hash of [
      '#/nowhere',
      '#/documents',
      '#/documents/',
      '#/documents/a/b',
      '#/settings/x',
      '#/import/x',
      '#/documents/%E0%A4%A',
      `#/documents/${'x'.repeat(65)}`,
    ]) {
      expect(parseRoute(hash), hash).toBeNull();
    }
  });
});

describe('the memory location', () => {
  it('keeps a history with back, forward, replace, and tells its listeners', () => {
    const location = createMemoryLocation();
    const seen: string[] = [];
    const stop = location.subscribe(() => seen.push(location.hash()));
    location.go('#/documents/a');
    location.go('#/settings');
    location.back();
    location.go('#/glossary', { replace: true });
    location.back();
    location.forward();
    location.forward();
    stop();
    location.go('#/import');
    expect(seen).toEqual(['#/documents/a', '#/settings', '#/documents/a', '#/glossary', '', '#/glossary', '#/settings']);
    expect(location.entries).toEqual(['', '#/glossary', '#/settings', '#/import']);
    location.back();
    location.back();
    location.go('#/documents/b');
    // A new entry after going back drops the entries ahead of it.
    expect(location.entries).toEqual(['', '#/glossary', '#/documents/b']);
  });
});
