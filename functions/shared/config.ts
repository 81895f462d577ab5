import { z } from 'zod';

/**
 * The one place functions read their environment. Only the CDK app (and the local platform, which
 * mirrors it) name these variables; a missing one fails at cold start, not mid-request.
 */
const configSchema = z.object({
  CIR_TABLE: z.string().min(1),
  LINKS_TABLE: z.string().min(1),
  AUDIT_TABLE: z.string().min(1),
  MID_CHECK_QUEUE_URL: z.string().min(1),
  STAGE: z.string().default('local'),
  /** Number of sBMS gallery shards (fixed for the life of a deployment; see docs/sbms.md). */
  SBMS_SHARDS: z.coerce.number().int().min(1).max(4096).default(2),
  /** Where shard snapshots go: an S3 bucket in AWS, a directory locally; neither: rebuilt from the CIR. */
  SBMS_SNAPSHOT_BUCKET: z.string().min(1).optional(),
  SBMS_SNAPSHOT_DIR: z.string().min(1).optional(),
});

export type PlatformConfig = z.infer<typeof configSchema>;

let cached: PlatformConfig | undefined;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  if (cached && env === process.env) return cached;
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const missing = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new Error(`function configuration incomplete: ${missing}`);
  }
  if (env === process.env) cached = parsed.data;
  return parsed.data;
}
