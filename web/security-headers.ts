/**
 * The terminal's Content-Security-Policy, one definition for both places that serve the app: the
 * local platform (`local/static-files.ts`, API on the same origin) and CloudFront
 * (`lib/constructs/web-hosting.ts`), which names the API's and the Cognito hosted UI's origins in
 * `connect-src` because the app calls both from the browser.
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "img-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    ...(connectSources.length > 0 ? [`connect-src 'self' ${connectSources.join(' ')}`] : []),
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
