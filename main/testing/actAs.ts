/**
 * Test set-up: makes the profile with this name current, as a person would: through Switch profile
 * when it exists (a second profile under the same name is refused, PROFILE_NAME_TAKEN), else by
 * creating it. A profile whose key is sealed with a passphrase needs `passphrase`.
 */
import type { VersoApi } from '../../shared/api.js';
import { profileNameKey } from '../../shared/features/profilesApi.js';
import type { Profile, Role } from '../../shared/types.js';

type ProfileCalls = Pick<VersoApi, 'listProfiles' | 'switchProfile' | 'setProfile'>;

export async function actAs(api: ProfileCalls, input: { name: string; role: Role; passphrase?: string }): Promise<Profile> {
  const existing = (await api.listProfiles({})).find((p) => profileNameKey(p.name) === profileNameKey(input.name));
  if (!existing) return api.setProfile({ name: input.name, role: input.role });
  if (existing.role !== input.role) throw new Error(`actAs: ${existing.name} is a ${existing.role}, not a ${input.role}`);
  return api.switchProfile(
    input.passphrase === undefined ? { profileId: existing.id } : { profileId: existing.id, passphrase: input.passphrase },
  );
}
