import { describe, expect, it } from 'vitest';
import { canConfirm, canSignOff, isUntouchedByHumans, statusAfterConfirm, statusAfterEdit, statusAfterMt, type Check } from './status.js';
import { PARAGRAPH_STATUSES, type ParagraphStatus, type Role } from './types.js';

const ok: Check = { ok: true };
const err = (code: string) => ({ ok: false, code });

describe('isUntouchedByHumans', () => {
  it.each<[ParagraphStatus, boolean]>([
    ['new', true],
    ['machine', true],
    ['edited', false],
    ['translated', false],
    ['signed-off', false],
  ])('%s -> %s', (status, expected) => {
    expect(isUntouchedByHumans(status)).toBe(expected);
  });
});

describe('statusAfterMt', () => {
  it.each<[ParagraphStatus, ParagraphStatus | null]>([
    ['new', 'machine'],
    ['machine', 'machine'],
    ['edited', null],
    ['translated', null],
    ['signed-off', null],
  ])('%s -> %s', (status, expected) => {
    expect(statusAfterMt(status)).toBe(expected);
  });
});

describe('statusAfterEdit', () => {
  it('keeps the status and the sign-off when the text did not change', () => {
    for (const s of PARAGRAPH_STATUSES) {
      expect(statusAfterEdit(s, 'Hola mundo', 'Hola mundo')).toEqual({ status: s, withdrawsSignOff: false });
    }
    expect(statusAfterEdit('new', '', '')).toEqual({ status: 'new', withdrawsSignOff: false });
  });

  it.each<[ParagraphStatus, ParagraphStatus, boolean]>([
    ['new', 'edited', false],
    ['machine', 'edited', false],
    ['edited', 'edited', false],
    ['translated', 'edited', false],
    ['signed-off', 'edited', true],
  ])('a changed text takes %s to %s (withdraws sign-off: %s)', (from, to, withdraws) => {
    expect(statusAfterEdit(from, 'Hola mundo', 'Hola, mundo')).toEqual({ status: to, withdrawsSignOff: withdraws });
  });

  it('a text that is exactly the raw MT again (every edit undone) is machine translation again', () => {
    expect(statusAfterEdit('edited', 'Hola, mundo', 'Hola mundo', 'Hola mundo')).toEqual({ status: 'machine', withdrawsSignOff: false });
    expect(statusAfterEdit('translated', 'Hola, mundo', 'Hola mundo', 'Hola mundo')).toEqual({
      status: 'machine',
      withdrawsSignOff: false,
    });
    expect(statusAfterEdit('signed-off', 'Hola, mundo', 'Hola mundo', 'Hola mundo')).toEqual({ status: 'machine', withdrawsSignOff: true });
    // Anything else stays an edit; without MT nothing changes.
    expect(statusAfterEdit('machine', 'Hola mundo', 'Hola mundo!', 'Hola mundo')).toEqual({ status: 'edited', withdrawsSignOff: false });
    expect(statusAfterEdit('edited', 'a', 'Hola mundo', null)).toEqual({ status: 'edited', withdrawsSignOff: false });
    expect(statusAfterEdit('edited', 'a', '', '')).toEqual({ status: 'new', withdrawsSignOff: false });
  });

  it('counts a whitespace-only change as a change', () => {
    expect(statusAfterEdit('signed-off', 'Hola', 'Hola ')).toEqual({ status: 'edited', withdrawsSignOff: true });
  });

  it.each<[ParagraphStatus, boolean]>([
    ['machine', false],
    ['edited', false],
    ['translated', false],
    ['signed-off', true],
  ])('clearing the text of a %s paragraph makes it new (withdraws: %s)', (from, withdraws) => {
    expect(statusAfterEdit(from, 'Hola', '')).toEqual({ status: 'new', withdrawsSignOff: withdraws });
    expect(statusAfterEdit(from, 'Hola', ' \n\t')).toEqual({ status: 'new', withdrawsSignOff: withdraws });
  });
});

describe('canConfirm', () => {
  it.each<[ParagraphStatus, Check | ReturnType<typeof err>]>([
    ['new', err('PARAGRAPH_NOT_CONFIRMABLE')],
    ['machine', ok],
    ['edited', ok],
    ['translated', err('PARAGRAPH_NOT_CONFIRMABLE')],
    ['signed-off', err('PARAGRAPH_NOT_CONFIRMABLE')],
  ])('%s with text -> %j', (status, expected) => {
    expect(canConfirm(status, 'Hola')).toEqual(expected);
  });

  it('refuses an empty or whitespace target whatever the status', () => {
    for (const s of PARAGRAPH_STATUSES) {
      expect(canConfirm(s, '')).toEqual(err('PARAGRAPH_EMPTY'));
      expect(canConfirm(s, '  \n ')).toEqual(err('PARAGRAPH_EMPTY'));
    }
  });
});

describe('statusAfterConfirm', () => {
  it('is translated', () => {
    expect(statusAfterConfirm('machine')).toBe('translated');
    expect(statusAfterConfirm('edited')).toBe('translated');
  });
});

describe('canSignOff', () => {
  it.each<[ParagraphStatus, Check | ReturnType<typeof err>]>([
    ['new', err('PARAGRAPH_NOT_CONFIRMABLE')],
    ['machine', ok],
    ['edited', ok],
    ['translated', ok],
    ['signed-off', err('PARAGRAPH_NOT_CONFIRMABLE')],
  ])('editor, %s with text -> %j', (status, expected) => {
    expect(canSignOff(status, 'Hola', 'editor')).toEqual(expected);
  });

  it('refuses translators before anything else', () => {
    for (const s of PARAGRAPH_STATUSES) {
      expect(canSignOff(s, 'Hola', 'translator')).toEqual(err('ROLE_FORBIDDEN'));
      expect(canSignOff(s, '', 'translator')).toEqual(err('ROLE_FORBIDDEN'));
    }
  });

  it('refuses an empty target for editors', () => {
    for (const s of PARAGRAPH_STATUSES) {
      expect(canSignOff(s, ' ', 'editor' satisfies Role)).toEqual(err('PARAGRAPH_EMPTY'));
    }
  });
});

describe('the ladder end to end', () => {
  it('goes new -> machine -> edited -> translated -> signed-off and back to edited on change', () => {
    let status: ParagraphStatus = 'new';
    status = statusAfterMt(status)!;
    let text = 'Hola mundo';
    expect(status).toBe('machine');
    const edit = statusAfterEdit(status, text, 'Hola, mundo');
    status = edit.status;
    text = 'Hola, mundo';
    expect(status).toBe('edited');
    expect(canConfirm(status, text).ok).toBe(true);
    status = statusAfterConfirm(status);
    expect(canConfirm(status, text).ok).toBe(false);
    expect(canSignOff(status, text, 'editor').ok).toBe(true);
    status = 'signed-off';
    expect(statusAfterMt(status)).toBeNull();
    expect(statusAfterEdit(status, text, 'Hola, mundo.')).toEqual({ status: 'edited', withdrawsSignOff: true });
  });
});
