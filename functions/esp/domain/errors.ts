/** Typed ESP errors: the HTTP layer maps each `code` to a 4xx; the messages carry no personal data. */
export abstract class EspError extends Error {
  abstract readonly code: string;
}

export class UnknownProfileError extends EspError {
  readonly code = 'UNKNOWN_PROFILE';
  constructor(readonly profileId: string) {
    super(`unknown ESP profile "${profileId}"`);
  }
}

export class PurposeNotAllowedError extends EspError {
  readonly code = 'PURPOSE_NOT_ALLOWED';
  constructor(
    readonly profileId: string,
    readonly purpose: string,
  ) {
    super(`purpose "${purpose}" is not allowed for profile "${profileId}"`);
  }
}

export class QueryFieldNotAllowedError extends EspError {
  readonly code = 'QUERY_FIELD_NOT_ALLOWED';
  constructor(
    readonly field: string,
    readonly profileId: string,
  ) {
    super(`query field "${field}" is not allowed for profile "${profileId}"`);
  }
}

export class InvalidQueryError extends EspError {
  readonly code = 'INVALID_QUERY';
  constructor(readonly issues: readonly string[]) {
    super(`invalid ESP query: ${issues.join('; ')}`);
  }
}

/** Raised at start-up, never per request: a profile file or a source wiring that must not go live. */
export class EspConfigurationError extends EspError {
  readonly code = 'ESP_CONFIGURATION';
}
