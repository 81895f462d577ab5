import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { CLAIM } from '../../functions/shared/auth/claims';
import { ROLES } from '../../functions/shared/auth/roles';

/** `custom:authority` -> `authority`: Cognito adds the prefix to custom attributes itself. */
const customAttributeName = (claim: string) => claim.replace(/^custom:/, '');

const CUSTOM_CLAIMS = [CLAIM.authority, CLAIM.memberState, CLAIM.profile, CLAIM.system];

/** Clients read the claims; only an administrator writes authority, Member State, profile, system. */
const clientAttributes = () => ({
  readAttributes: new ClientAttributes()
    .withStandardAttributes({ preferredUsername: true })
    .withCustomAttributes(...CUSTOM_CLAIMS.map(customAttributeName)),
  writeAttributes: new ClientAttributes(),
});

const TOKEN_VALIDITY = {
  idTokenValidity: Duration.hours(1),
  accessTokenValidity: Duration.hours(1),
  refreshTokenValidity: Duration.hours(12),
  enableTokenRevocation: true,
  preventUserExistenceErrors: true,
};

/**
 * The Cognito user pool behind the API's authorizer: the claims the functions read (claims.ts)
 * are its custom attributes, the roles (roles.ts) are its groups. Users are created by an
 * administrator (no self sign-up), and only an administrator sets their attributes.
 */
export class Identity extends Construct {
  public readonly userPool: UserPool;
  /** Terminals and scripts that sign in through the Cognito API (USER_PASSWORD_AUTH, SRP). */
  public readonly client: UserPoolClient;
  /** The hosted sign-in UI the web app redirects to (`https://<prefix>.auth.<region>.amazoncognito.com`). */
  public readonly hostedUi: UserPoolDomain;

  constructor(scope: Construct, id: string, stage: string) {
    super(scope, id);

    this.userPool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      customAttributes: Object.fromEntries(
        CUSTOM_CLAIMS.map((claim) => [
          customAttributeName(claim),
          new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        ]),
      ),
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      accountRecovery: AccountRecovery.NONE,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const role of ROLES) {
      this.userPool.addGroup(`Group-${role}`, { groupName: role, description: `Role ${role}` });
    }

    this.client = this.userPool.addClient('Terminal', {
      generateSecret: false,
      authFlows: { userSrp: true, userPassword: true },
      // Signs in through the Cognito API, not the hosted UI: no OAuth flows, no callback URL.
      disableOAuth: true,
      ...TOKEN_VALIDITY,
      ...clientAttributes(),
    });

    // Domain prefixes are unique per region across all accounts: the account id makes it ours.
    this.hostedUi = this.userPool.addDomain('HostedUi', {
      cognitoDomain: { domainPrefix: `eu-interop-${stage}-${Stack.of(this).account}` },
    });
  }

  /**
   * The web app's client: a public client (no secret; a browser cannot keep one) for the hosted UI's
   * authorization code grant, the only OAuth flow; the app sends a PKCE S256 challenge with every
   * sign-in (web/app/auth/cognito.ts). Callback and logout go back to the app's own URL only.
   */
  addWebClient(appUrl: string): UserPoolClient {
    return this.userPool.addClient('WebApp', {
      generateSecret: false,
      // SRP is what the hosted UI itself signs in with; no password flow for the browser's client.
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [appUrl],
        logoutUrls: [appUrl],
      },
      ...TOKEN_VALIDITY,
      ...clientAttributes(),
    });
  }
}
