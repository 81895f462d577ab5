/** Written next to the app by the deployment: `web/build.ts` locally, the CDK web construct in AWS. */
export type AuthConfig =
  | { kind: 'local-demo' }
  | {
      kind: 'cognito';
      /** Hosted UI domain, e.g. `https://interop.auth.eu-central-1.amazoncognito.com`. */
      domain: string;
      clientId: string;
      /** Defaults to the app's origin + `/`. */
      redirectUri?: string;
      scopes?: string[];
    };

export interface AppConfig {
  /** Base URL of the API; empty when the API is served from the same origin (local platform). */
  apiUrl: string;
  auth: AuthConfig;
}
