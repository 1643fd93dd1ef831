import { describe, expect, it } from 'vitest';
import { tmSentenceShortcut, tmShortcutIndex } from './tmShortcuts.js';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('tmShortcutIndex', () => {
  it('Ctrl+M is the best match, Ctrl+1..3 by position', () => {
    expect(tmShortcutIndex(key('m', { ctrlKey: true }))).toBe(0);
    expect(tmShortcutIndex(key('1', { ctrlKey: true }))).toBe(0);
    expect(tmShortcutIndex(key('3', { metaKey: true }))).toBe(2);
  });
  it('ignores other keys and modifier combinations', () => {
    expect(tmShortcutIndex(key('m'))).toBeNull();
    expect(tmShortcutIndex(key('4', { ctrlKey: true }))).toBeNull();
    expect(tmShortcutIndex(key('m', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(tmShortcutIndex(key('1', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});

describe('tmSentenceShortcut', () => {
  it('maps Ctrl+Shift+1..9 (by key position) to sentences 0..8 and Ctrl+Shift+M to assembled; nothing else', () => {
    expect(tmSentenceShortcut({ ...key('!', { ctrlKey: true, shiftKey: true }), code: 'Digit1' })).toBe(0);
    expect(tmSentenceShortcut({ ...key('(', { metaKey: true, shiftKey: true }), code: 'Digit9' })).toBe(8);
    expect(tmSentenceShortcut(key('M', { ctrlKey: true, shiftKey: true }))).toBe('assembled');
    expect(tmSentenceShortcut(key('m', { ctrlKey: true }))).toBeNull();
    expect(tmSentenceShortcut({ ...key(')', { ctrlKey: true, shiftKey: true }), code: 'Digit0' })).toBeNull();
    expect(tmSentenceShortcut({ ...key('!', { ctrlKey: true, shiftKey: true, altKey: true }), code: 'Digit1' })).toBeNull();
  });
});
