/** The profiles on this machine and switching between them (issue 12): the methods, declared once; `setProfile` (core) creates one. */
import { z } from 'zod';
import { exactly, type ApiOf, type Contract } from '../contract/contract.js';
import { empty, profileSchema, roleSchema } from '../contract/models.js';
import type { ProfileEntry } from './profilesApi.js';

const profileEntry = exactly<ProfileEntry>()(
  z.object({ id: z.string(), name: z.string(), role: roleSchema, createdAt: z.string(), passphraseProtected: z.boolean() }),
);

export const profilesContract = {
  /** Every profile on this machine, oldest first. */
  listProfiles: { input: empty, output: z.array(profileEntry), errors: [] },
  /**
   * Makes an existing profile the current one. A profile whose key is sealed with a passphrase
   * needs it (PROFILE_PASSPHRASE_REQUIRED, SIGNING_PASSPHRASE_WRONG; nothing changes) and has its
   * key unlocked for this run. The current profile: a no-op. An empty or short passphrase reaches
   * the service, whose answer says more than a validation error.
   */
  switchProfile: {
    input: z.object({ profileId: z.string().min(1).max(64), passphrase: z.string().max(1000).optional() }).strict(),
    output: profileSchema,
    errors: ['PROFILE_NOT_FOUND', 'PROFILE_PASSPHRASE_REQUIRED', 'SIGNING_PASSPHRASE_WRONG'],
  },
} as const satisfies Contract;

export type ProfilesApi = ApiOf<typeof profilesContract>;
