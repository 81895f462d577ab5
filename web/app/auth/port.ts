import type { Session } from './session';

/** A demo user of the local platform, as `GET /local/demo-users` lists them. */
export interface DemoUser {
  userId: string;
  label: string;
  roles: string[];
  authority: string;
  memberState: string;
  profile?: string;
}

/** The app's sign-in port: one adapter per environment (local demo users, Cognito hosted UI). */
interface AuthCommon {
  /** The session kept from earlier, or completed from a sign-in redirect; undefined when signed out. */
  restore(): Promise<Session | undefined>;
  signOut(): void;
}

export interface LocalDemoAuth extends AuthCommon {
  kind: 'local-demo';
  listUsers(): Promise<DemoUser[]>;
  signIn(userId: string): Promise<Session>;
}

export interface CognitoAuth extends AuthCommon {
  kind: 'cognito';
  /** Leaves the app for the hosted UI; it comes back with a code that `restore` exchanges. */
  signIn(): Promise<void>;
}

export type Auth = LocalDemoAuth | CognitoAuth;
