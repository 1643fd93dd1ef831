/**
 * Issue 12, defeat 4 (roles are self-declared): switching to an existing profile whose signing key
 * is sealed with a passphrase needs that passphrase, and nobody can create a second profile under
 * an existing name (a translator passing as the editor). Nothing changes on any failure.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { failure } from '../../testing/failure.js';
import { createBackend, type Backend } from '../../backend.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';

const open: { backend: Backend; dataDir: string }[] = [];
afterEach(() => {
  for (const { backend, dataDir } of open.splice(0)) {
    backend.close();
    removeTempDir(dataDir);
  }
});

function start(): Backend {
  const dataDir = makeTempDir();
  const backend = createBackend({ dataDir, mode: 'browser', version: '0.1.0', engines: [], verifyAtStart: false });
  open.push({ backend, dataDir });
  return backend;
}

const PASSPHRASE = 'correct horse battery';

/** An editor who sealed her key with a passphrase, then a translator who is now current. */
async function editorThenTranslator(b: Backend) {
  const editor = await b.api.setProfile({ name: 'Ana García', role: 'editor' });
  await b.api.unlockSigningKey({ passphrase: PASSPHRASE });
  const translator = await b.api.setProfile({ name: 'Tomás', role: 'translator' });
  return { editor, translator };
}

describe('listProfiles', () => {
  it('lists every profile with whether its key is sealed with a passphrase, and no key material', async () => {
    const b = start();
    const { editor, translator } = await editorThenTranslator(b);
    const list = await b.api.listProfiles({});
    expect(list).toEqual([
      { id: editor.id, name: 'Ana García', role: 'editor', createdAt: editor.createdAt, passphraseProtected: true },
      { id: translator.id, name: 'Tomás', role: 'translator', createdAt: translator.createdAt, passphraseProtected: false },
    ]);
  });
});

describe('switchProfile', () => {
  it('refuses a passphrase-sealed profile without its passphrase; the current profile stays', async () => {
    const b = start();
    const { editor, translator } = await editorThenTranslator(b);
    const err = await failure(b.api.switchProfile({ profileId: editor.id }));
    expect(err.code).toBe('PROFILE_PASSPHRASE_REQUIRED');
    expect(err.details).toMatchObject({ name: 'Ana García' });
    expect((await failure(b.api.switchProfile({ profileId: editor.id, passphrase: '' }))).code).toBe('PROFILE_PASSPHRASE_REQUIRED');
    expect(await b.api.getProfile({})).toEqual(translator);
  });

  it('refuses a wrong passphrase; the current profile stays and the key stays locked', async () => {
    const b = start();
    const { editor, translator } = await editorThenTranslator(b);
    const err = await failure(b.api.switchProfile({ profileId: editor.id, passphrase: 'wrong horse battery' }));
    expect(err.code).toBe('SIGNING_PASSPHRASE_WRONG');
    expect(await b.api.getProfile({})).toEqual(translator);
  });

  it('with the right passphrase the profile becomes current and its key is unlocked for this run', async () => {
    const b = start();
    const { editor } = await editorThenTranslator(b);
    expect(await b.api.switchProfile({ profileId: editor.id, passphrase: PASSPHRASE })).toEqual(editor);
    expect(await b.api.getProfile({})).toEqual(editor);
    expect(await b.api.getSigningKey({})).toEqual({ state: 'unlocked' });
  });

  it('asks again on every switch back, even when the key was unlocked earlier in this run', async () => {
    const b = start();
    const { editor, translator } = await editorThenTranslator(b);
    await b.api.switchProfile({ profileId: editor.id, passphrase: PASSPHRASE });
    await b.api.switchProfile({ profileId: translator.id });
    expect((await failure(b.api.switchProfile({ profileId: editor.id }))).code).toBe('PROFILE_PASSPHRASE_REQUIRED');
    expect(await b.api.getProfile({})).toEqual(translator);
  });

  it('switches to a profile without a passphrase-sealed key without one; to the current one is a no-op', async () => {
    const b = start();
    const { editor, translator } = await editorThenTranslator(b);
    await b.api.switchProfile({ profileId: editor.id, passphrase: PASSPHRASE });
    expect(await b.api.switchProfile({ profileId: translator.id })).toEqual(translator);
    expect(await b.api.getProfile({})).toEqual(translator);
    // The current profile: nothing to check, nothing changes (no passphrase asked).
    expect(await b.api.switchProfile({ profileId: translator.id })).toEqual(translator);
    expect(await b.api.getProfile({})).toEqual(translator);
  });

  it('an unknown profile id is a clear error and changes nothing', async () => {
    const b = start();
    const { translator } = await editorThenTranslator(b);
    const err = await failure(b.api.switchProfile({ profileId: 'no-such-profile' }));
    expect(err.code).toBe('PROFILE_NOT_FOUND');
    expect(await b.api.getProfile({})).toEqual(translator);
  });
});

describe('setProfile with the name of an existing profile', () => {
  it.each(['Ana García', '  ana   GARCÍA ', 'Ana Garci\u0301a', 'ANA\u00a0garcía', 'Ana\u200b García'])(
    'refuses %j (NFC/NFKC, white space, case, invisible characters) and saves nothing',
    async (name) => {
      const b = start();
      const { translator } = await editorThenTranslator(b);
      const err = await failure(b.api.setProfile({ name, role: 'editor' }));
      expect(err.code).toBe('PROFILE_NAME_TAKEN');
      expect(err.details).toMatchObject({ name: 'Ana García', passphraseProtected: true });
      expect(err.message).toContain('switch to it');
      expect(await b.api.getProfile({})).toEqual(translator);
      expect((await b.api.listProfiles({})).map((p) => p.name)).toEqual(['Ana García', 'Tomás']);
    },
  );

  it('a different name is still a new profile', async () => {
    const b = start();
    await editorThenTranslator(b);
    const other = await b.api.setProfile({ name: 'Ana Garcia Lopez', role: 'editor' });
    expect(await b.api.getProfile({})).toEqual(other);
    expect(await b.api.listProfiles({})).toHaveLength(3);
  });
});
