import { ApiError, Forbidden, ValidationFailed } from '../../shared/errors';
import { type ApiHandler, ok } from '../../shared/http';
import type { EspSearchBody } from '../../shared/schemas/esp';
import {
  EspError,
  InvalidQueryError,
  PurposeNotAllowedError,
  QueryFieldNotAllowedError,
  UnknownProfileError,
} from '../domain/errors';
import type { SearchPortal } from '../domain/search-portal';

/** The portal's typed errors as API errors: each names the field or claim at fault. */
function toApiError(error: EspError): ApiError {
  if (error instanceof UnknownProfileError)
    return new ApiError(403, error.code, 'the ESP profile of the token is not a known profile', {
      field: 'token.custom:profile',
    });
  if (error instanceof PurposeNotAllowedError)
    return new ApiError(403, error.code, error.message, { field: 'body.purpose' });
  if (error instanceof QueryFieldNotAllowedError)
    return new ApiError(403, error.code, error.message, { field: `body.query.${error.field}` });
  if (error instanceof InvalidQueryError)
    return new ValidationFailed(error.issues.map((issue) => ({ field: 'body.query', message: issue })));
  return new ApiError(400, error.code, error.message);
}

/**
 * `POST /v1/esp/search` (Arts 6-11): one query over every system of the caller's profile (token
 * claim `custom:profile`). Logged per Art 10: profile, purpose, the systems queried with their
 * status and result counts, the query's field names; never query values or returned data.
 */
export function searchHandler(portal: () => SearchPortal): ApiHandler<EspSearchBody> {
  return async (request) => {
    const { caller, body } = request;
    if (!caller.profile) throw new Forbidden('the token carries no ESP profile');
    let result: Awaited<ReturnType<SearchPortal['search']>>;
    try {
      result = await portal().search({
        requester: { userId: caller.userId, authority: caller.authority },
        profileId: caller.profile,
        purpose: body.purpose,
        query: body.query,
      });
    } catch (error) {
      throw error instanceof EspError ? toApiError(error) : error;
    }
    const { reply, log } = result;
    // Only a purpose the profile lists is logged: a refused one is free text and could hold anything.
    request.audit.purpose = log.purpose;
    request.audit.systems = log.systems.map((system) => system.source);
    request.audit.resultCount = log.systems.reduce((sum, system) => sum + system.resultCount, 0);
    request.audit.details = {
      profilesVersion: log.profilesVersion,
      queryType: log.queryType,
      queryFields: log.queryFields.join(','),
      elapsedMs: log.elapsedMs,
      ...Object.fromEntries(
        log.systems.flatMap((system) => [
          [`${system.source}.status`, system.status],
          [`${system.source}.resultCount`, system.resultCount],
        ]),
      ),
    };
    return ok(reply);
  };
}
