import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CentralSystem } from '../../../functions/esp/source-store';
import { DynamoSourceDataStore } from '../../../functions/esp/source-store';
import type { Role } from '../../../functions/shared/auth/roles';
import { ESP_SOURCES } from '../../../functions/shared/systems';
import { CENTRAL_SYSTEMS_TABLE } from '../../../lib/resources';
import { caller, type PlatformContext } from '../../support/platform-context';

/** The reference systems' store of the running platform: tests write their own records through it. */
export function centralSystems(context: PlatformContext): DynamoSourceDataStore {
  const client = new DynamoDBClient({
    region: context.env.AWS_REGION ?? 'eu-central-1',
    endpoint: context.env.AWS_ENDPOINT_URL_DYNAMODB,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return new DynamoSourceDataStore(
    DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }),
    context.env[CENTRAL_SYSTEMS_TABLE.envVar]!,
  );
}

/** The demo users' role for each profile (local/demo-users.ts). */
export const PROFILE_ROLE: Record<string, Role> = {
  'border-guard': 'border-guard',
  'visa-authority': 'visa-authority',
  'immigration-asylum': 'immigration-authority',
  'police-identity-check': 'police',
  'etias-national-unit': 'etias-unit',
  'sirene-bureau': 'sirene',
  'designated-authority': 'designated-authority',
};

export const searcher = (context: PlatformContext, profile: string, userId = `esp-${profile}`) =>
  caller(context, [PROFILE_ROLE[profile] ?? 'border-guard'], { profile, userId, authority: 'DE-TEST' });

export const originSystem = (context: PlatformContext, system: string) =>
  caller(context, ['origin-system'], { system, authority: `${system}:DE`, userId: `system-${system}` });

/** A surname no other test (or demo person) has: letters only, so it goes through the name keys. */
export function uniqueSurname(stem: string): string {
  const letters = 'BDFGKLMNPRSTVZ';
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += letters[Math.floor(Math.random() * letters.length)];
  return `${stem}${suffix}`;
}

/** True when the system's name occurs in the text as a word of its own. */
export function mentions(text: string, system: string): boolean {
  return new RegExp(`(^|[^A-Z_])${system}([^A-Z_]|$)`).test(text);
}

export const ALL_SOURCES = ESP_SOURCES;
export type { CentralSystem };
