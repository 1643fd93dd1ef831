import { describe, expect, it } from 'vitest';
import { escapeRegExp } from './escapeRegExp.js';

describe('escapeRegExp', () => {
  it('matches the text literally, in plain and Unicode mode', () => {
    const text = 'a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o / Ü';
    expect(new RegExp(`^${escapeRegExp(text)}$`).test(text)).toBe(true);
    expect(new RegExp(`^${escapeRegExp(text)}$`, 'u').test(text)).toBe(true);
    expect(new RegExp(escapeRegExp('a.b')).test('axb')).toBe(false);
  });
});
