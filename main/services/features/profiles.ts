/**
 * The profiles on this machine and switching between them (issue 12, defeat 4: roles are
 * self-declared). A profile is who signs: switching to one whose signing key is sealed with a
 * passphrase the person set (Settings → Signing key, protection `user-passphrase`) needs that
 * passphrase every time, even when the key was unlocked earlier in this run; it unlocks the key.
 *
 * A profile whose key is sealed otherwise switches without a prompt. In the desktop app such a key
 * is sealed with Electron's safeStorage, i.e. by the operating system for the logged-in user: it
 * cannot be opened from the data folder on another account or machine, but Verso shows no separate
 * OS prompt when switching, so on a shared login only a passphrase keeps one profile from another.
 */
import { profileNameKey, type ProfileEntry } from '../../../shared/features/profilesApi.js';
import type { ProfilesApi } from '../../../shared/features/profilesContract.js';
import type { Profile } from '../../../shared/types.js';
import { CURRENT_PROFILE_KEY, currentProfile, type ServiceDeps } from '../context.js';
import { ServiceError } from '../../core/serviceError.js';

type Deps = Pick<ServiceDeps, 'repos'>;

function entryOf(deps: Deps, profile: Profile): ProfileEntry {
  return { ...profile, passphraseProtected: deps.repos.signingKeys.hasPassphrase(profile.id) };
}

/** The existing profile with the same name as `name` (see `profileNameKey`), if any. */
export function sameNameProfile(deps: Deps, name: string): ProfileEntry | null {
  const key = profileNameKey(name);
  const found = deps.repos.profiles.list().find((p) => profileNameKey(p.name) === key);
  return found ? entryOf(deps, found) : null;
}

/** Refuses a new profile under an existing profile's name (PROFILE_NAME_TAKEN). */
export function refuseSameName(deps: Deps, name: string): void {
  const existing = sameNameProfile(deps, name);
  if (!existing) return;
  const passphrase = existing.passphraseProtected ? ' Its signing passphrase will be needed.' : '';
  throw new ServiceError(
    'PROFILE_NAME_TAKEN',
    `A profile named “${existing.name}” already exists: switch to it (Switch profile → Use profile ${existing.name}) instead of creating another.${passphrase}`,
    { name: existing.name, passphraseProtected: existing.passphraseProtected },
  );
}

/** Unlocks a passphrase-sealed key, or refuses; throws before anything changes. */
function checkPassphrase(deps: Deps, target: Profile, passphrase: string | undefined): void {
  if (!deps.repos.signingKeys.hasPassphrase(target.id)) return;
  if (passphrase === undefined || passphrase === '') {
    throw new ServiceError(
      'PROFILE_PASSPHRASE_REQUIRED',
      `The profile “${target.name}” has a signing key sealed with a passphrase: enter that passphrase to switch to it.`,
      { name: target.name },
    );
  }
  // SIGNING_PASSPHRASE_WRONG when it does not open the key.
  deps.repos.signingKeys.unlock(target.id, passphrase);
}

export function createProfilesService(deps: ServiceDeps): ProfilesApi {
  return {
    async listProfiles() {
      return deps.repos.profiles.list().map((p) => entryOf(deps, p));
    },
    async switchProfile({ profileId, passphrase }) {
      const target = deps.repos.profiles.get(profileId);
      if (!target) throw new ServiceError('PROFILE_NOT_FOUND', 'There is no such profile on this machine (it may have been removed).');
      if (currentProfile(deps)?.id === target.id) return target;
      checkPassphrase(deps, target, passphrase);
      deps.repos.settings.set(CURRENT_PROFILE_KEY, target.id);
      return target;
    },
  };
}
