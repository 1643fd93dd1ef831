/** zod schemas for the methods of `ProfilesApi`. */
import { z } from 'zod';
import type { ProfilesApi } from './profilesApi.js';
import type { SchemaMap } from '../schemaMap.js';

export const profilesSchemas = {
  listProfiles: z.object({}).strict(),
  // An empty or short passphrase reaches the service: it answers PROFILE_PASSPHRASE_REQUIRED or
  // SIGNING_PASSPHRASE_WRONG, which say more than a validation error.
  switchProfile: z.object({ profileId: z.string().min(1).max(64), passphrase: z.string().max(1000).optional() }).strict(),
} satisfies SchemaMap<ProfilesApi>;
