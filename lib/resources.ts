/**
 * The stateful resources, defined once: the CDK stateful stack and the embedded local platform both
 * build their tables and queues from these descriptions, so local and deployed cannot drift apart.
 * Every request-path access is a GetItem or a Query on a key or GSI listed here; none is a Scan.
 */

export interface KeySchema {
  partitionKey: string;
  sortKey: string;
}

export interface TableDefinition extends KeySchema {
  /** Logical name: CDK construct id and local table name suffix. */
  name: string;
  /** The environment variable through which functions learn the physical name. */
  envVar: string;
  gsis: (KeySchema & { indexName: string; projection: 'ALL' | 'KEYS_ONLY' })[];
  ttlAttribute?: string;
  accessPatterns: string[];
}

export const CIR_TABLE: TableDefinition = {
  name: 'Cir',
  envVar: 'CIR_TABLE',
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  gsis: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'KEYS_ONLY' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: 'ALL' },
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk', projection: 'KEYS_ONLY' },
  ],
  accessPatterns: [
    'individual file:            GetItem   pk=FILE#{system}#{recordId}, sk=FILE',
    'all items of a file:        Query     pk=FILE#{system}#{recordId} (file, templates, blocking keys; delete cascade)',
    'templates of a file:        GetItem   pk=FILE#{system}#{recordId}, sk=BIO (all modalities; 1:1 verification)',
    'MID identity candidates:    Query gsi1 gsi1pk=BK#{blockingKey} (key items pk=FILE#.., sk=BK#{key})',
    'MID/ESP document matches:   Query gsi1 gsi1pk=DOC#{country}#{ocrCanonicalNumber}',
    'sBMS shard catch-up:        Query gsi2 gsi2pk=SHARD#{shard}, gsi2sk > {watermark} (BIO items and tombstones)',
    'sBMS tombstones expire by TTL once every shard snapshot has passed them',
    'MID outbox (pending checks): Query gsi3 gsi3pk=MIDCHECK#PENDING, gsi3sk < {now - grace} (sparse)',
    'unlink outbox (deleted files whose links are still to be removed): Put pk=FILE#.., sk=UNLINK in the delete transaction; Query gsi3 gsi3pk=UNLINK#PENDING, gsi3sk < {now - grace}',
    'data quality of a file:     GetItem   pk=FILE#{system}#{recordId}, sk=QUALITY (its counted contribution; written in the file transaction)',
    'holders of a document:      GetItem   pk=DQDOC#{system}#{hmac(country|number)}, sk=DOC (duplicate documents; conditional put/delete)',
  ],
};

export const LINKS_TABLE: TableDefinition = {
  name: 'Links',
  envVar: 'LINKS_TABLE',
  partitionKey: 'pk',
  sortKey: 'sk',
  gsis: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'ALL' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: 'KEYS_ONLY' },
  ],
  accessPatterns: [
    'link (identity confirmation file): GetItem pk=LINK#{linkId}, sk=LINK',
    'links of a file:                   Query   pk=FILE#{system}#{recordId}, begins_with(sk, LINK#)',
    'verifier queue, oldest first:      Query gsi1 gsi1pk=QUEUE#{authority}#{colour}, gsi1sk={createdAt}#{linkId}',
    'files of a SIN group:              Query gsi2 gsi2pk=SIN#{sin}',
    'notification outbox:               Query   pk=NOTIFY-OUTBOX, sk < {now - grace} ({at}#{linkId}#{colour}; written in the link change transaction)',
  ],
};

export const AUDIT_TABLE: TableDefinition = {
  name: 'Audit',
  envVar: 'AUDIT_TABLE',
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  gsis: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'ALL' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: 'ALL' },
  ],
  accessPatterns: [
    'chain head:            GetItem pk=CHAIN#{day}#{partition}, sk=HEAD',
    'chain entries:         Query   pk=CHAIN#{day}#{partition}, sk between E#.. (verification, in order)',
    'entries of a day:      Query gsi1 gsi1pk=DAY#{day}, gsi1sk={timestamp}#{requestId} (DPO listing by time)',
    'entries of a user:     Query gsi2 gsi2pk=USER#{userId}, gsi2sk={timestamp}#{requestId}',
    'logged once (MID check): ConditionCheck/Put pk=ONCE#{key}, sk=ONCE in the entry transaction (appendOnce)',
  ],
};

/**
 * The central systems the ESP queries besides the CIR (SIS, EES, VIS, ETIAS, EURODAC, ECRIS_TCN,
 * Europol data, Interpol SLTD and TDAWN) are outside the platform. Their reference implementations
 * keep their records here, one item collection per system (`SYSTEM#{system}`), so that no system
 * reads another's records. Templates are not stored: biometric queries go through the sBMS,
 * restricted to the system, and come back as record ids.
 */
export const CENTRAL_SYSTEMS_TABLE: TableDefinition = {
  name: 'CentralSystems',
  envVar: 'CENTRAL_SYSTEMS_TABLE',
  partitionKey: 'pk',
  sortKey: 'sk',
  gsis: [{ indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'KEYS_ONLY' }],
  accessPatterns: [
    'record by id:              GetItem   pk=SYSTEM#{system}, sk=RECORD#{recordId} (BatchGetItem for many)',
    'candidates by lookup key:  Query gsi1 gsi1pk={system}|{key} -> gsi1sk={recordId} (key items pk=SYSTEM#{system}, sk=KEY#{key}#{recordId})',
    '  keys are the MID blocking keys (sy|, gy|, gm|, nn|, dn|) and document keys dc|{ocrCanonicalNumber}',
    'write / delete a record:   GetItem of the record (its stored key list), then one TransactWrite of the record and its key items',
  ],
};

/**
 * Art 22 consultations and their access requests (functions/consultation/store.ts). Items hold case
 * references, record references and the workflow's callback token; never identity data.
 */
export const CONSULTATIONS_TABLE: TableDefinition = {
  name: 'Consultations',
  envVar: 'CONSULTATIONS_TABLE',
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  gsis: [{ indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'ALL' }],
  accessPatterns: [
    'consultation (flags, hits, follow-ups): GetItem pk=CONSULTATION#{id}, sk=CONSULTATION',
    'access request (status, decision, grant): GetItem pk=REQUEST#{id}, sk=REQUEST',
    "requests of a consultation:             by id from the consultation's follow-ups (one per flagged system)",
    'verifying queue of a Member State:      Query gsi1 gsi1pk=PENDING#{memberState}, gsi1sk={createdAt}#{requestId} (sparse: only requests awaiting a decision, oldest first)',
    'writes: PutItem conditioned on the version read; a new request and its follow-up in one transaction',
    'retention: expiresAt (TTL) two years after the consultation, or after the request ended',
  ],
};

/**
 * CRRS (Art 39): anonymised counters (functions/statistics), incremented as events happen, never
 * computed by scanning data. Items hold a metric, a day, a Member State, categorical dimensions and
 * a count: never a record id, user id, name or date of birth (checked before every write).
 */
export const STATISTICS_TABLE: TableDefinition = {
  name: 'Statistics',
  envVar: 'STATISTICS_TABLE',
  partitionKey: 'pk',
  sortKey: 'sk',
  gsis: [],
  accessPatterns: [
    'count an event:        UpdateItem pk=STAT#{metric}, sk={day}#{memberState}#{dim=value|...}, ADD count :n',
    'figures of a period:   Query      pk=STAT#{metric}, sk BETWEEN {from}# AND {to}#~ (one Query per metric)',
    'data quality (Art 37): UpdateItem pk=DQ#{system}, sk={memberState}#{month}#{shard}, ADD {measure} :delta (in the CIR write transaction)',
    'quality of a month:    Query      pk=DQ#{system} [sk BETWEEN {memberState}# AND {memberState}#{month}#~] (one Query per system)',
    'writers: every function that appends audit entries (UpdateItem only); readers: the statistics function',
  ],
};

/**
 * Data subjects' rights (functions/rights, docs/rights.md): requests of persons (Arts 47-48),
 * instructions to origin systems, and notifications of red and white links (Arts 32(4), 33(3)).
 * Requests hold the identity data the person gave and their contact details (the table is encrypted
 * with the customer key like the others); the access code is stored as a digest only.
 */
export const RIGHTS_TABLE: TableDefinition = {
  name: 'Rights',
  envVar: 'RIGHTS_TABLE',
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  gsis: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'ALL' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: 'ALL' },
  ],
  accessPatterns: [
    'request (status, steps, answer):     GetItem pk=DSR#{reference}, sk=REQUEST',
    "authority's queue, earliest deadline: Query gsi1 gsi1pk=DSRQUEUE#{memberState}, gsi1sk={deadline}#{reference} (sparse: open requests)",
    'instructions to an origin system:    Query   pk=INSTRUCTIONS#{system}, sk={issuedAt}#{reference}#{recordId}',
    'notification (create once by id):    PutItem pk=NTF#{notificationId}, sk=NOTIFICATION, attribute_not_exists(pk)',
    "authority's notifications by status: Query gsi1 gsi1pk=NOTIFY#{authority}#{status}, gsi1sk={createdAt}#{id}",
    'records notified under a SIN:        Query gsi2 gsi2pk=SIN#{sin}',
    'writes: PutItem conditioned on the version read; an answer and its instructions in one transaction',
    'retention: expiresAt (TTL) two years after the answer or the notification; open requests never expire',
  ],
};

export const TABLES = [
  CIR_TABLE,
  LINKS_TABLE,
  AUDIT_TABLE,
  CENTRAL_SYSTEMS_TABLE,
  CONSULTATIONS_TABLE,
  STATISTICS_TABLE,
  RIGHTS_TABLE,
] as const;

export interface QueueDefinition {
  name: string;
  envVar: string;
  visibilityTimeoutSeconds: number;
  maxReceiveCount: number;
  batchSize: number;
}

export const MID_CHECK_QUEUE: QueueDefinition = {
  name: 'MidChecks',
  envVar: 'MID_CHECK_QUEUE_URL',
  visibilityTimeoutSeconds: 120,
  maxReceiveCount: 5,
  batchSize: 10,
};

export const QUEUES = [MID_CHECK_QUEUE] as const;

/** Audit entries are kept one year (Arts 10, 16, 24, 36), then expire by TTL. */
export const AUDIT_RETENTION_DAYS = 365;
/**
 * Signed chain heads stay locked (S3 Object Lock, compliance mode) longer than the entries they
 * anchor: a year and a day, plus a margin for a log hold placed near the end of it.
 */
export const AUDIT_ANCHOR_RETENTION_DAYS = 400;
/** Chains per day: concurrent requests append to different chains, each verified on its own. */
export const AUDIT_PARTITIONS = 8;
