import { ApiError, Forbidden } from '../../shared/errors';
import { type ApiHandler, ok } from '../../shared/http';
import { UnknownProfileError } from '../domain/errors';
import { defaultProfiles, type ProfileCatalogue } from '../profiles/load-profiles';
import profilesJson from '../profiles/profiles.json';

const descriptions = new Map(profilesJson.profiles.map((profile) => [profile.id, profile.description]));

/**
 * `GET /v1/esp/profile`: the caller's own ESP profile (token claim `custom:profile`), so that a
 * terminal shows only the query fields and purposes it allows. Names only the systems of that
 * profile and no returned-field lists.
 */
export function profileHandler(catalogue: () => ProfileCatalogue = defaultProfiles): ApiHandler {
  return async (request) => {
    const profileId = request.caller.profile;
    if (!profileId) throw new Forbidden('the token carries no ESP profile');
    try {
      const profile = catalogue().get(profileId);
      request.audit.details = { profileId: profile.id };
      return ok({
        id: profile.id,
        version: profile.version,
        description: descriptions.get(profile.id) ?? '',
        reply: profile.reply,
        purposes: [...profile.purposes],
        queryFields: [...profile.queryFields],
        systems: [...profile.systems],
      });
    } catch (error) {
      if (error instanceof UnknownProfileError)
        throw new ApiError(403, error.code, 'the ESP profile of the token is not a known profile', {
          field: 'token.custom:profile',
        });
      throw error;
    }
  };
}
