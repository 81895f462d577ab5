import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod';
import { tracer } from '../shared/powertools';
import type { TlsMaterial } from './umf-https-source';

const tlsSecretSchema = z.strictObject({
  certificate: z.string().includes('BEGIN CERTIFICATE'),
  privateKey: z.string().includes('PRIVATE KEY'),
  ca: z.string().includes('BEGIN CERTIFICATE'),
});

/**
 * The platform's client certificate and key for the central systems, and their CA, from the
 * Secrets Manager secret `secretId` (JSON: certificate, privateKey, ca, in PEM). Read once per
 * container, when its first search starts the portal; a malformed secret fails every HTTPS source
 * (each then `unavailable`) and names what is missing in the log.
 */
export async function tlsMaterialFromSecret(secretId: string): Promise<TlsMaterial> {
  const client = tracer.captureAWSv3Client(new SecretsManagerClient({}));
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  const parsed = tlsSecretSchema.safeParse(JSON.parse(SecretString ?? '{}'));
  if (!parsed.success)
    throw new Error(
      `secret ${secretId}: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')} invalid`,
    );
  return parsed.data;
}
