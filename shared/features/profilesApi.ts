/**
 * Types of the profiles on this machine (issue 12); the methods are declared in `profilesContract.ts`.
 */
import type { Profile } from '../types.js';

/** A profile as the switch list shows it: never any key material. */
export interface ProfileEntry extends Profile {
  /** Its signing key is sealed with a passphrase the person set: switching to it needs that passphrase. */
  passphraseProtected: boolean;
}

/**
 * What makes two profile names the same person: NFKC (so composed/decomposed accents and
 * compatibility forms such as full-width letters or a no-break space match), invisible format
 * characters removed, white space collapsed, case folded.
 */
export function profileNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toUpperCase()
    .toLowerCase();
}

/** The name as stored: NFC, white space collapsed and trimmed. */
export function cleanProfileName(name: string): string {
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim();
}
