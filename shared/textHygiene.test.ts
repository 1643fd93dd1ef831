import { describe, expect, it } from 'vitest';
import {
  cleanImportedText,
  cleanImportedTitle,
  escapeForTerminal,
  neutraliseCsvCell,
  restoreCsvCell,
  showControlsVisibly,
  unsafeCharacter,
} from './textHygiene.js';

describe('text hygiene', () => {
  it('finds the first unsafe character of a field, per kind of field', () => {
    expect(unsafeCharacter('Ada Lovelace')).toBeNull();
    expect(unsafeCharacter('a\u202Eb')).toBe('\u202E');
    expect(unsafeCharacter('a\nb')).toBe('\n');
    expect(unsafeCharacter('a\nb\tc', true)).toBeNull();
    expect(unsafeCharacter('a\u001bb', true)).toBe('\u001b');
    expect(unsafeCharacter('\u05E9\u200F', true, true)).toBeNull();
    expect(unsafeCharacter('\u05E9\u0000', true, true)).toBe('\u0000');
    for (const c of [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200E',
      '\u200F',
      '\u061C',
      '\u0085',
      '\u009B',
      '\u007F',
    ]) {
      expect(unsafeCharacter(`x${c}`), c.codePointAt(0)!.toString(16)).toBe(c);
    }
  });

  it('cleans imported text and titles', () => {
    expect(cleanImportedText('a\u0000b\u001b[2J\tc\nd\u0085e\u200F')).toBe('ab[2J\tc\nde\u200F');
    expect(cleanImportedTitle('report\u202Etxt.exe\u0007\tx')).toBe('reporttxt.exe x');
  });

  it('shows control and bidi characters visibly on screen', () => {
    expect(showControlsVisibly('report\u202Etxt.exe')).toBe('report[U+202E]txt.exe');
    expect(showControlsVisibly('a\u001bb\u0000')).toBe('a[U+001B]b[U+0000]');
  });

  it('escapes control and bidi characters for a terminal, keeping line feeds and tabs', () => {
    expect(escapeForTerminal('a\u001b]0;x\u0007\u202Eb\r\n\tc\u009b')).toBe('a\\u001b]0;x\\u0007\\u202eb\\u000d\n\tc\\u009b');
    const json = JSON.stringify({ t: 'x\u202Ey\u0085' });
    expect(JSON.parse(escapeForTerminal(json))).toEqual({ t: 'x\u202Ey\u0085' });
  });

  it('guards CSV cells against formulas and undoes exactly its own guard', () => {
    for (const v of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', ' =1', "'=1", "''+x"]) {
      expect(neutraliseCsvCell(v)).toBe(`'${v}`);
      expect(restoreCsvCell(neutraliseCsvCell(v))).toBe(v);
    }
    for (const v of ['plain', "'quoted", 'a=b', 'a-b', '', "'"]) {
      expect(neutraliseCsvCell(v)).toBe(v);
      expect(restoreCsvCell(v)).toBe(v);
    }
  });
});
