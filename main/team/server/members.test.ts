import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateEd25519, keyIdOf } from '../../core/crypto.js';
import { checkRoleName, parseMemberPublicKey } from './members.js';

describe('registering a member', () => {
  it("reads an Ed25519 key as SPKI PEM or as Verso's base64 raw key, with Verso's key id", () => {
    const pair = generateEd25519();
    const fromRaw = parseMemberPublicKey(pair.publicKey + '\n');
    expect(fromRaw.keyId).toBe(keyIdOf(pair.publicKey));
    expect(parseMemberPublicKey(fromRaw.pem)).toEqual(fromRaw);
  });

  it('refuses other keys, private keys and junk with a clear message', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => parseMemberPublicKey(rsa.publicKey.export({ format: 'pem', type: 'spki' }).toString())).toThrow('not Ed25519');
    const ed = generateKeyPairSync('ed25519');
    expect(() => parseMemberPublicKey(ed.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString())).toThrow(/private key/);
    expect(() => parseMemberPublicKey('hello')).toThrow('not a PEM public key');
  });

  it('takes plain lower-case role names only', () => {
    expect(checkRoleName('alice_2')).toBeNull();
    for (const bad of ['Alice', '2alice', 'pg_monitor', 'verso_editor', 'a"b', 'a b', 'x'.repeat(64), ''])
      expect(checkRoleName(bad), bad).not.toBeNull();
  });
});
