import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { CLAIM } from '../../functions/shared/auth/claims';
import { ROLES } from '../../functions/shared/auth/roles';

/** `custom:authority` -> `authority`: Cognito adds the prefix to custom attributes itself. */
const customAttributeName = (claim: string) => claim.replace(/^custom:/, '');

const CUSTOM_CLAIMS = [CLAIM.authority, CLAIM.memberState, CLAIM.profile, CLAIM.system];

/**
 * The Cognito user pool behind the API's authorizer: the claims the functions read (claims.ts)
 * are its custom attributes, the roles (roles.ts) are its groups. Users are created by an
 * administrator (no self sign-up), and only an administrator sets their attributes.
 */
export class Identity extends Construct {
  public readonly userPool: UserPool;
  public readonly client: UserPoolClient;

  constructor(scope: Construct, id: string) {
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
      // Terminals sign in through the Cognito API, not the hosted UI: no OAuth flows, no callback URL.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
      // Terminals read the claims; only an administrator writes authority, Member State, profile, system.
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ preferredUsername: true })
        .withCustomAttributes(...CUSTOM_CLAIMS.map(customAttributeName)),
      writeAttributes: new ClientAttributes(),
    });
  }
}
