/**
 * Typed errors of the MID link domain. Each carries the HTTP status and the machine-readable
 * code the handlers map it to; messages never contain personal data.
 */
export class MidDomainError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFound extends MidDomainError {
  constructor(what: string) {
    super(404, 'NOT_FOUND', `${what} not found`);
  }
}

export class Forbidden extends MidDomainError {
  constructor(message: string) {
    super(403, 'FORBIDDEN', message);
  }
}

/** The stored version differs from the one the caller (or a concurrent writer) expected. */
export class VersionConflict extends MidDomainError {
  constructor(
    readonly linkId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number | undefined,
  ) {
    super(
      409,
      'VERSION_CONFLICT',
      `link ${linkId}: expected version ${expectedVersion}, found ${actualVersion ?? 'none'}`,
    );
  }
}

/** Rules of manual verification (docs/mid-links.md, "Contradictory classifications"). */
export type ContradictionRule = 'JUSTIFICATION_REQUIRED' | 'COLOUR_UNCHANGED' | 'GREEN_INSIDE_WHITE_GROUP';

/** A manual classification that contradicts the link's state or its neighbourhood (Art 34: refused). */
export class ContradictoryClassification extends MidDomainError {
  constructor(
    readonly rule: ContradictionRule,
    message: string,
  ) {
    super(422, 'CONTRADICTORY_CLASSIFICATION', message);
  }
}

/** Input that violates the domain's preconditions, e.g. a biometric match for a file without biometrics. */
export class InvalidInput extends MidDomainError {
  constructor(message: string) {
    super(400, 'INVALID_INPUT', message);
  }
}
