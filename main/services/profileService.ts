/** The local profile: who is working (name and role), recorded on every revision and sign-off. */
import type { VersoApi } from '../../shared/api.js';
import type { Profile } from '../../shared/types.js';
import { LIMITS } from '../../shared/limits.js';
import { CURRENT_PROFILE_KEY, currentProfile, type ServiceDeps } from './context.js';
import { ServiceError } from '../core/serviceError.js';
import { auditProfileCreated } from '../db/audit/recordAudit.js';
import { cleanProfileName } from '../../shared/features/profilesApi.js';
import { refuseSameName } from './features/profiles.js';

export function createProfileService(deps: ServiceDeps): Pick<VersoApi, 'getProfile' | 'setProfile'> {
  const save = deps.db.transaction((profile: Profile) => {
    // One person, one profile: a second "Ana García" (say, a translator passing as the editor) is refused.
    refuseSameName(deps, profile.name);
    deps.repos.profiles.insert(profile);
    auditProfileCreated(deps.db, profile);
    deps.repos.settings.set(CURRENT_PROFILE_KEY, profile.id);
  });

  return {
    async getProfile() {
      return currentProfile(deps);
    },
    /** Creates a new profile and makes it the current one (`switchProfile` goes back to an existing one). */
    async setProfile({ name, role }) {
      const trimmed = cleanProfileName(name);
      if (trimmed === '' || trimmed.length > LIMITS.nameChars) {
        throw new ServiceError('BAD_REQUEST', `A profile name must have 1 to ${LIMITS.nameChars} characters.`);
      }
      if (role !== 'translator' && role !== 'editor') {
        throw new ServiceError('BAD_REQUEST', 'A profile role is either translator or editor.');
      }
      const profile: Profile = { id: deps.newId(), name: trimmed, role, createdAt: deps.now().toISOString() };
      save(profile);
      return profile;
    },
  };
}
