/**
 * Part of the API contract: the profiles on this machine and switching between them (issue 12,
 * defeat 4). Schemas in `shared/features/profilesSchemas.ts`, services in
 * `main/services/features/profiles.ts`; `setProfile` (core) creates one.
 */
import type { Profile } from '../types.js';

export const PROFILES_ERROR_CODES = ['PROFILE_NOT_FOUND', 'PROFILE_PASSPHRASE_REQUIRED', 'PROFILE_NAME_TAKEN'] as const satisfies readonly string[];

/** A profile as the switch list shows it: never any key material. */
export interface ProfileEntry extends Profile {
  /** Its signing key is sealed with a passphrase the person set: switching to it needs that passphrase. */
  passphraseProtected: boolean;
}

export interface ProfilesApi {
  /** Every profile on this machine, oldest first. */
  listProfiles(input: Record<string, never>): Promise<ProfileEntry[]>;
  /**
   * Makes an existing profile the current one. A profile whose key is sealed with a passphrase
   * needs it (PROFILE_PASSPHRASE_REQUIRED, SIGNING_PASSPHRASE_WRONG; nothing changes) and has its
   * key unlocked for this run. The current profile: a no-op.
   */
  switchProfile(input: { profileId: string; passphrase?: string }): Promise<Profile>;
}

export const PROFILES_METHODS = ['listProfiles', 'switchProfile'] as const satisfies readonly (keyof ProfilesApi)[];

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
