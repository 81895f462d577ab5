import type { PlatformContext } from '../../support/platform-context';

export interface PublicReply {
  status: number;
  body: any;
  headers: Headers;
  ms: number;
}

/** A call without any token, as the public portal makes it. */
export async function publicRequest(
  context: PlatformContext,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<PublicReply> {
  const started = performance.now();
  const response = await fetch(`${context.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed, headers: response.headers, ms };
}

/** A valid request form about a person identified by name and date of birth. */
export function requestForm(overrides: Record<string, unknown> = {}, subject: Record<string, unknown> = {}) {
  return {
    type: 'access',
    language: 'en',
    lodgedWith: 'DE',
    subject: { surname: 'NOBODY', givenNames: 'KNOWN', dateOfBirth: '1970-01-01', ...subject },
    contact: { email: 'person@example.org' },
    ...overrides,
  };
}
