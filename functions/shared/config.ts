import * as z from 'zod';
import { ESP_SOURCES } from './systems';

/** A variable holding JSON, parsed and then checked against `schema`. */
function jsonVariable<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .min(1)
    .transform((raw, context) => {
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

const espSource = z.enum(ESP_SOURCES);

/**
 * How the ESP reaches one central system: its reference table (`npm start`, demos, test stages),
 * or its UMF endpoint over HTTPS with mutual TLS (a real deployment; the client certificate is the
 * secret CENTRAL_SYSTEMS_TLS_SECRET names).
 */
export const centralSystemAdapterSchema = z.discriminatedUnion('adapter', [
  z.strictObject({ adapter: z.literal('reference') }),
  z.strictObject({
    adapter: z.literal('umf-https'),
    endpoint: z.url({ protocol: /^https$/ }),
    timeoutMs: z.number().int().min(1).max(30_000),
  }),
]);
export type CentralSystemAdapter = z.output<typeof centralSystemAdapterSchema>;
export const centralSystemsSchema = z.partialRecord(espSource.exclude(['CIR']), centralSystemAdapterSchema);

/**
 * The one place functions read their environment. Only the CDK app (and the local platform, which
 * mirrors it) name these variables; a missing one fails at cold start, not mid-request.
 */
const configSchema = z
  .object({
    CIR_TABLE: z.string().min(1),
    LINKS_TABLE: z.string().min(1),
    AUDIT_TABLE: z.string().min(1),
    MID_CHECK_QUEUE_URL: z.string().min(1),
    STAGE: z.string().default('local'),
    /** Number of sBMS gallery shards (fixed for the life of a deployment; see docs/sbms.md). */
    SBMS_SHARDS: z.coerce.number().int().min(1).max(4096).default(2),
    /**
     * Set by CDK: the shard worker function that searches each shard (`{shard}` in the name selects
     * one function per shard). Unset (local platform, tests): every shard runs in the calling process.
     */
    SBMS_SHARD_FUNCTION: z.string().min(1).optional(),
    /**
     * Outbox sweeper: a MID check still pending this long after its write has lost its message (a queue
     * restart, a crash before the send) and is enqueued again; a link change not notified this long after
     * its commit is notified. Shorter only costs harmless, idempotent repeats.
     */
    OUTBOX_GRACE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    /** Shard worker: how many shards one instance keeps loaded (least recently used is evicted). */
    SBMS_RESIDENT_SHARDS: z.coerce.number().int().min(1).max(4096).default(1),
    /** Where shard snapshots go: an S3 bucket in AWS, a directory locally; neither: rebuilt from the CIR. */
    SBMS_SNAPSHOT_BUCKET: z.string().min(1).optional(),
    SBMS_SNAPSHOT_DIR: z.string().min(1).optional(),
    /** Records of the reference central systems the ESP queries (only the ESP reads it). */
    CENTRAL_SYSTEMS_TABLE: z.string().min(1).optional(),
    /** The adapter of each central system (JSON, by system); a system not named uses its reference table. */
    CENTRAL_SYSTEMS: jsonVariable(centralSystemsSchema).default({}),
    /** Secrets Manager secret (JSON: certificate, privateKey, ca, PEM) of the mutual TLS to the central systems. */
    CENTRAL_SYSTEMS_TLS_SECRET: z.string().min(1).optional(),
    /** ESP: time budget of each source in ms, and per-system overrides as JSON (`{"EUROPOL":3000}`). */
    ESP_BUDGET_MS: z.coerce.number().int().min(1).max(30_000).default(2000),
    ESP_SYSTEM_BUDGETS_MS: jsonVariable(
      z.partialRecord(espSource, z.number().int().min(1).max(30_000)),
    ).default({}),
    /** ESP: latency/failure injected into sources, JSON per system (local demos and tests; docs/esp.md). */
    ESP_FAULTS: jsonVariable(
      z.partialRecord(
        espSource,
        z.strictObject({
          latencyMs: z.number().min(0).max(600_000).optional(),
          jitterMs: z.number().min(0).max(600_000).optional(),
          errorRate: z.number().min(0).max(1).optional(),
          hang: z.boolean().optional(),
        }),
      ),
    ).default({}),
    /**
     * Consultation (Art 22): its table, its state machine, and the durations the workflow applies
     * (seconds, at most 20 days each: the execution is bounded at 90 days, and a Node timer at 24.8).
     */
    CONSULTATIONS_TABLE: z.string().min(1).optional(),
    CONSULTATION_STATE_MACHINE_ARN: z.string().min(1).optional(),
    CONSULTATION_DECISION_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(1_728_000).default(172_800),
    CONSULTATION_GRANT_VALIDITY_SECONDS: z.coerce.number().int().min(1).max(1_728_000).default(86_400),
    /** CRRS counters (Art 39): every function that writes an audit entry counts into it; absent: nothing counted. */
    STATISTICS_TABLE: z.string().min(1).optional(),
    /** A naming region is flagged when its green share exceeds the overall one by more than this ratio. */
    MID_FAIRNESS_FLAG_RATIO: z.coerce.number().min(1).max(100).default(1.5),
    /**
     * HMAC key of link ids (functions/mid/domain/links.ts): ids stay stable per pair but cannot be
     * computed from record ids without it. Needed by the MID check; changing it re-keys new links only.
     */
    LINK_ID_KEY: z.string().min(32).optional(),
    /** HMAC key of the data-quality duplicate-document items (Art 37); absent: data quality not counted. */
    DATA_QUALITY_KEY: z.string().min(32).optional(),
    CONSULTATION_URGENT_VERIFICATION_SECONDS: z.coerce.number().int().min(1).max(1_728_000).default(86_400),
    /** Data subjects' rights (docs/rights.md): requests and notifications; absent: the MID notifies no one. */
    RIGHTS_TABLE: z.string().min(1).optional(),
    /** The public portal's address, written into every notification (Arts 32(4), 33(3)). */
    RIGHTS_PORTAL_URL: z.url().default('http://localhost:3000/portal/'),
    /** Public routes, per source address: sustained requests per minute and burst (local token bucket). */
    PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
    PUBLIC_RATE_BURST: z.coerce.number().int().min(1).max(100_000).default(10),
    /**
     * The audit log's head anchors (functions/audit/anchor-worker.ts): in AWS the asymmetric KMS key that
     * signs them and the Object Lock bucket that keeps them; locally a PEM key file and a directory.
     * Neither: the heads are not anchored.
     */
    AUDIT_SIGNING_KEY_ID: z.string().min(1).optional(),
    AUDIT_ANCHOR_BUCKET: z.string().min(1).optional(),
    AUDIT_SIGNING_KEY_FILE: z.string().min(1).optional(),
    AUDIT_ANCHOR_DIR: z.string().min(1).optional(),
    /** The terminal web app's origin in AWS (its CloudFront URL): API replies carry it for CORS. */
    CORS_ALLOWED_ORIGIN: z.url().optional(),
    /** Where the MID replay job writes its reports (AWS only; the local CLI prints them). */
    MID_REPLAY_BUCKET: z.string().min(1).optional(),
  })
  .refine(
    (config) =>
      config.CENTRAL_SYSTEMS_TLS_SECRET !== undefined ||
      Object.values(config.CENTRAL_SYSTEMS).every((choice) => choice?.adapter !== 'umf-https'),
    {
      path: ['CENTRAL_SYSTEMS_TLS_SECRET'],
      message: 'required when a central system uses the umf-https adapter',
    },
  );

export type PlatformConfig = z.infer<typeof configSchema>;

let cached: PlatformConfig | undefined;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  if (cached && env === process.env) return cached;
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`function configuration incomplete or invalid: ${problems.join('; ')}`);
  }
  if (env === process.env) cached = parsed.data;
  return parsed.data;
}
