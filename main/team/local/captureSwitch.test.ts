import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { captureActive, runWithoutCapture, withCaptureStateKept } from './captureSwitch.js';

let db: Database.Database;

function openDb(): Database.Database {
  db = new Database(':memory:');
  db.exec('CREATE TABLE team_state (key TEXT PRIMARY KEY, value TEXT)');
  return db;
}

const join = (d: Database.Database): void => void d.prepare(`INSERT INTO team_state (key, value) VALUES ('me', '"ana"')`).run();

afterEach(() => db?.close());

describe('captureActive', () => {
  it('is on only while the library is in a team and no pulled change is applied', () => {
    const d = openDb();
    expect(captureActive(d)).toBe(false);
    join(d);
    expect(captureActive(d)).toBe(true);
    expect(runWithoutCapture(d, () => captureActive(d))).toBe(false);
  });
});

describe('withCaptureStateKept', () => {
  it('reads membership once for a bulk write and asks again once it ends', () => {
    const d = openDb();
    join(d);
    const answers = d.transaction(() =>
      withCaptureStateKept(d, () => {
        const first = captureActive(d);
        // Changed behind the bulk write's back (it never does this itself): the kept answer stands.
        d.prepare(`DELETE FROM team_state WHERE key = 'me'`).run();
        return [first, captureActive(d)];
      }),
    )();
    expect(answers).toEqual([true, true]);
    expect(captureActive(d)).toBe(false);
  });

  it('still honours suspension, and keeps a "no team" answer too', () => {
    const d = openDb();
    const answers = d.transaction(() =>
      withCaptureStateKept(d, () => {
        const suspended = runWithoutCapture(d, () => captureActive(d));
        const first = captureActive(d);
        join(d);
        return [suspended, first, captureActive(d), runWithoutCapture(d, () => captureActive(d))];
      }),
    )();
    expect(answers).toEqual([false, false, false, false]);
    expect(captureActive(d)).toBe(true);
  });

  it('refuses to run outside a transaction and drops what it kept when it fails', () => {
    const d = openDb();
    expect(() => withCaptureStateKept(d, () => 1)).toThrow(/not inside a transaction/);
    join(d);
    expect(() =>
      d.transaction(() =>
        withCaptureStateKept(d, () => {
          captureActive(d);
          throw new Error('boom');
        }),
      )(),
    ).toThrow('boom');
    d.prepare(`DELETE FROM team_state WHERE key = 'me'`).run();
    expect(captureActive(d)).toBe(false);
  });
});
