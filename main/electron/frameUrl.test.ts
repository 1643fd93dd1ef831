import { describe, expect, it } from 'vitest';
import { isOurFrame } from './frameUrl.js';

const INDEX = 'file:///opt/Verso/resources/app.asar/dist/renderer/index.html';

describe('isOurFrame (Electron sender and navigation checks)', () => {
  it('accepts the app page with any route in the hash, so reloads and back/forward keep working', () => {
    for (const url of [INDEX, `${INDEX}#/`, `${INDEX}#/documents/abc`, `${INDEX}#/settings/publication`, `${INDEX}?x=1#/glossary`]) {
      expect(isOurFrame(url, INDEX), url).toBe(true);
    }
  });
  it('refuses any other page or file', () => {
    for (const url of [
      undefined,
      'https://example.org/#/documents/abc',
      'file:///tmp/index.html#/',
      `${INDEX}.evil`,
      `${INDEX}/../x.html`,
    ]) {
      expect(isOurFrame(url, INDEX), String(url)).toBe(false);
    }
  });
});
