/**
 * Domain errors of the consultation and the identity checks. Duck-typed (httpStatus + code), so the
 * shared error mapper turns them into 4xx replies without this module importing the HTTP layer.
 */
export class ConsultationError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export const forbidden = (code: string, message: string) => new ConsultationError(403, code, message);
export const notFound = (what: string) => new ConsultationError(404, 'NOT_FOUND', `${what} not found`);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new ConsultationError(409, code, message, details);
export const unprocessable = (code: string, message: string, details?: Record<string, unknown>) =>
  new ConsultationError(422, code, message, details);
