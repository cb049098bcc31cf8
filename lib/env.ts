// Configuration, validated once and shared by the console, the workers and the scripts.
// A bad or missing value stops start-up with a message naming the variable; rules that span several
// variables are here too (configProblems), and lib/health/assert-valid-config.ts runs them all at start-up.
import { z } from 'zod';
import { Role } from '@/lib/generated/prisma/enums';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const csv = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
const int = (min = 0) => z.coerce.number().int().min(min);

export const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  DATABASE_URL: z.string().startsWith('postgresql://', 'must be a postgresql:// URL'),
  REDIS_URL: z.string().startsWith('redis://', 'must be a redis:// URL'),

  // S3-compatible object storage (AWS S3, MinIO, Ceph RGW).
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1),
  S3_SECRET_ACCESS_KEY: z.string().min(1),
  S3_FORCE_PATH_STYLE: bool.default(true),
  /** Send x-amz-checksum-sha256 on writes: only where the store supports it (AWS S3, MinIO; not RGW 16). */
  S3_CHECKSUM_SUPPORTED: bool.default(false),
  S3_BUCKET_PREFIX: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,30}$/, 'lower-case letters, digits and dashes')
    .default('callvault'),
  /** Residency regions this deployment serves; each gets a recordings bucket and an audit bucket. */
  RESIDENCY_REGIONS: csv.pipe(z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1)).default(['us', 'eu']),
  /** Object Lock default retention and lifecycle (defaults: 730 days active, a 2,190-day compliance window). */
  RETENTION_DEFAULT_DAYS: int(1).default(2190),
  RETENTION_TRANSITION_DAYS: int(1).default(730),
  RETENTION_NONCURRENT_DAYS: int(1).default(1),
  STORAGE_TRANSITION_CLASS: z.string().default('GLACIER'),
  /** Lifecycle aborts multipart uploads left incomplete this many days after they started (every bucket). */
  STORAGE_ABORT_MULTIPART_DAYS: int(1).default(1),
  /** A cold recording restored for playback stays readable this many days (RestoreObject Days). */
  RESTORE_DAYS: int(1).max(30).default(7),
  /** Retrieval tier of a restore: Expedited (minutes, costly), Standard (hours) or Bulk (cheapest, slowest). */
  RESTORE_TIER: z.enum(['Expedited', 'Standard', 'Bulk']).default('Standard'),
  /** Console origins allowed to fetch recordings from the buckets (default: the origin of NEXTAUTH_URL). */
  STORAGE_CORS_ORIGINS: csv.optional(),
  STORAGE_WRITES_PER_SECOND: z.coerce.number().positive().default(20),

  // Audit trail signing: local keys for development, AWS KMS HMAC keys in production.
  AUDIT_KEY_PROVIDER: z.enum(['local', 'kms']).default('local'),
  /** local provider: "keyId:base64secret,keyId2:base64secret2"; the active key signs, all verify. */
  AUDIT_HMAC_KEYS: z.string().optional(),
  AUDIT_ACTIVE_KEY_ID: z.string().optional(),
  /** kms provider: KMS HMAC key ids/ARNs, "keyId=arn,..."; the active one signs. */
  AUDIT_KMS_KEYS: z.string().optional(),
  AUDIT_KMS_REGION: z.string().optional(),
  /** Asymmetric keys for checkpoints, export manifests and sealed segments (what outsiders verify). */
  AUDIT_SIGNING_PROVIDER: z.enum(['local', 'kms']).default('local'),
  /** JSON array: [{"id","algorithm":"Ed25519"|"ECDSA-P256-SHA256","privateKey"|"kmsKeyId","publicKey","validFrom","validUntil"}]. */
  AUDIT_SIGNING_KEYS: z.string().optional(),
  AUDIT_SIGNING_ACTIVE_KEY_ID: z.string().optional(),
  /** How often a signed checkpoint of the chain head is published to the audit bucket (one is also written per export). */
  AUDIT_CHECKPOINT_EVERY_SECONDS: int(10).default(3600),
  AUDIT_SEAL_EVERY_ENTRIES: int(1).default(1000),
  AUDIT_SEAL_EVERY_SECONDS: int(1).default(300),
  /** Most entries written into one sealed segment object (the segment is built in memory). */
  AUDIT_SEAL_MAX_ENTRIES: int(1).max(200_000).default(20_000),
  /** Region whose audit bucket receives sealed segments; default the first of RESIDENCY_REGIONS. */
  AUDIT_REGION: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  /** Audit export files in the audit bucket are locked, then expired by lifecycle, after this many days. */
  AUDIT_EXPORT_RETENTION_DAYS: int(1).default(90),
  /** Attempts a queued audit export gets (a crashed or failed worker's export is retried) before it is marked failed. */
  AUDIT_EXPORT_ATTEMPTS: int(1).max(10).default(3),

  // Console authentication.
  NEXTAUTH_URL: z.url().optional(),
  NEXTAUTH_SECRET: z.string().min(32, 'at least 32 characters'),
  /** Consecutive failed sign-ins to one account from one address before that pair is locked out. */
  AUTH_LOCKOUT_THRESHOLD: int(1).default(5),
  AUTH_LOCKOUT_MINUTES: int(1).default(15),
  /** Failed sign-ins from one client address (any accounts) per window before it gets 429. */
  AUTH_IP_MAX_FAILURES: int(1).default(20),
  AUTH_IP_WINDOW_MINUTES: int(1).default(15),
  /** Console sessions end after this much inactivity, and after SESSION_ABSOLUTE_HOURS whatever the activity. */
  SESSION_IDLE_MINUTES: int(1).default(30),
  SESSION_ABSOLUTE_HOURS: int(1)
    .max(24 * 30)
    .default(8),
  /** OIDC issuers whose email claim is trusted for linking even without email_verified (comma-separated issuer URLs). */
  OIDC_TRUSTED_EMAIL_ISSUERS: csv.optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_DEFAULT_ROLE: z.enum(Role).optional(),
  PLAYBACK_URL_TTL_SECONDS: int(10).max(300).default(300),
  /** Endpoint browsers use for presigned playback URLs, when it differs from S3_ENDPOINT (e.g. behind a proxy). */
  S3_PUBLIC_ENDPOINT: z.url().optional(),

  // Pipeline tunables.
  ARCHIVE_DEADLINE_MINUTES: int(1).default(15),
  DURATION_TOLERANCE_SECONDS: z.coerce.number().nonnegative().default(2),
  /** A quarantine case open longer than this is past its review SLA (highlighted, filterable). */
  QUARANTINE_SLA_HOURS: z.coerce.number().positive().max(8760).default(24),
  /** A vendor download that sends nothing for this long (and is not held back by storage) is abandoned and retried. */
  ARCHIVE_IDLE_TIMEOUT_SECONDS: int(1).default(60),
  DEDUPE_TTL_SECONDS: int(60).default(7 * 24 * 3600),
  WORKER_CONCURRENCY: int(1).default(4),
  /** Queues this worker process serves (comma-separated, e.g. "audit-export" for a dedicated export worker); unset = all. */
  WORKER_QUEUES: csv.optional(),

  // Ingestion (webhooks, queues, polling, sweep) — lib/ingest, lib/queue, workers/index.ts.
  WEBHOOK_MAX_BODY_BYTES: int(1024).default(256 * 1024),
  WEBHOOK_TIMESTAMP_TOLERANCE_SECONDS: int(1).default(300),
  /** How long a webhook waits for Redis to confirm the job before answering 503. */
  ENQUEUE_TIMEOUT_MS: int(100).default(5000),
  /** Base delay of the exponential retry backoff of archive/resolve jobs (attempt n waits base * 2^(n-1)). */
  RETRY_BACKOFF_MS: int(10).default(10_000),
  /** No single retry waits longer than this (the exponential backoff is capped). */
  RETRY_BACKOFF_CAP_MS: int(10).default(300_000),
  /** A retryable failure is retried until this long after the job was queued, then dead-lettered (>= 1 h
   *  so ordinary outages of storage, database or vendor are outlasted). */
  RETRY_BUDGET_SECONDS: int(1).default(4500),
  /** Open retryable dead letters are re-driven automatically this often, once storage answers again. */
  DEAD_LETTER_REDRIVE_INTERVAL_SECONDS: int(1).default(900),
  /** Automatic re-drives of one recording's dead letters before only an operator can replay it. */
  DEAD_LETTER_MAX_AUTO_REDRIVES: int(0).default(8),
  /** Incomplete multipart uploads initiated longer ago than the longest possible transfer are aborted. */
  MULTIPART_MAX_AGE_MINUTES: int(1).default(240),
  UPLOAD_SWEEP_INTERVAL_SECONDS: int(1).default(3600),
  /** A 'processing' claim expires after this, so a crashed worker cannot block a recording forever. */
  CLAIM_PROCESSING_TTL_SECONDS: int(30).default(1800),
  ARCHIVE_JOBS_PER_SECOND: int(1).default(20),
  RESOLVE_CONCURRENCY: int(1).default(2),
  POLL_INTERVAL_SECONDS: int(1).default(60),
  /** Pages walked per poll tick; the walk resumes from the stored cursor on the next tick. */
  POLL_MAX_PAGES: int(1).default(50),
  /** A finished walk restarts from its start time minus this overlap (late-indexed vendor records). */
  POLL_OVERLAP_SECONDS: int(0).default(300),
  SWEEP_INTERVAL_SECONDS: int(1).default(60),
  /** Ingest events older than this are no longer re-driven by the sweep (they stay visible as PENDING). */
  SWEEP_LOOKBACK_HOURS: int(1).default(168),
  /** Cron (UTC) of the daily reconciliation per vendor account; each run reconciles the previous UTC day. */
  RECONCILE_CRON: z.string().min(9).default('15 2 * * *'),
  SWEEP_BATCH_SIZE: int(1).default(500),
  QUEUE_SAMPLE_INTERVAL_SECONDS: int(1).default(15),
  /** Samples kept per queue for the console's history charts (1440 × 15 s = 6 h). */
  QUEUE_SAMPLE_RETENTION: int(10).default(1440),
  /** Prometheus /metrics of the worker process; unset = not served. */
  WORKER_METRICS_PORT: int(1).max(65535).optional(),
  /** Bearer token a Prometheus scraper presents at the console's /api/metrics (an admin session also works);
   *  unset = admin sessions only. */
  METRICS_TOKEN: z.string().min(24, 'METRICS_TOKEN must be at least 24 characters').optional(),

  // Vendor accounts (lib/vendors/accounts.ts validates the JSON and derives residency).
  /** JSON array of vendor accounts with their credentials (see .env.example); unset = no vendor configured. */
  VENDOR_ACCOUNTS: z.string().optional(),
  /** Country assumed for phone numbers typed in the console without a country code (ISO 3166 alpha-2). */
  PHONE_DEFAULT_REGION: z
    .string()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 country code such as US')
    .default('US'),
  /** JSON array of customer dial-in number rules, [{"prefix":"+44","region":"eu"}]; longest prefix wins. */
  RESIDENCY_DIAL_RULES: z.string().optional(),
  /** Names the process in every log line (console, workers, simulators). */
  CALLVAULT_SERVICE: z.string().min(1).default('callvault'),
});

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

type TSource = Record<string, string | undefined>;

export function formatConfigProblems(problems: readonly string[]): string {
  return `Invalid configuration (see .env.example):\n${problems.map((p) => `  ${p}`).join('\n')}`;
}

function issueLines(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}

export function formatEnvError(error: z.ZodError): string {
  return formatConfigProblems(issueLines(error));
}

// An empty assignment in a .env file means "not set", not "set to nothing".
function presentValues(source: TSource): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
}

export function parseEnv(source: TSource): TEnv {
  const result = ZEnv.safeParse(presentValues(source));
  if (!result.success) throw new Error(formatEnvError(result.error));
  return result.data;
}

/** Rules between variables, on the raw values: each problem names every variable involved. */
function crossFieldProblems(raw: Record<string, string>, parsed: TEnv | undefined): string[] {
  const problems: string[] = [];
  const keyProvider = raw.AUDIT_KEY_PROVIDER ?? 'local';
  const signingProvider = raw.AUDIT_SIGNING_PROVIDER ?? 'local';
  if (keyProvider === 'local' && !raw.AUDIT_HMAC_KEYS) problems.push('AUDIT_HMAC_KEYS: required when AUDIT_KEY_PROVIDER=local');
  if (keyProvider === 'kms' && !raw.AUDIT_KMS_KEYS) problems.push('AUDIT_KMS_KEYS: required when AUDIT_KEY_PROVIDER=kms');
  if (keyProvider === 'kms' && raw.AUDIT_HMAC_KEYS)
    problems.push('AUDIT_HMAC_KEYS: must be unset when AUDIT_KEY_PROVIDER=kms (the keys live in KMS)');
  if (!raw.AUDIT_SIGNING_KEYS) problems.push(`AUDIT_SIGNING_KEYS: required (AUDIT_SIGNING_PROVIDER=${signingProvider})`);
  if ((keyProvider === 'kms' || signingProvider === 'kms') && !raw.AUDIT_KMS_REGION && !raw.AWS_REGION) {
    problems.push('AUDIT_KMS_REGION: required when AUDIT_KEY_PROVIDER or AUDIT_SIGNING_PROVIDER is kms (or set AWS_REGION)');
  }
  const oidc = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'];
  const oidcSet = oidc.filter((name) => raw[name]);
  if (oidcSet.length > 0 && oidcSet.length < oidc.length) {
    problems.push(
      `${oidc.filter((name) => !raw[name]).join(', ')}: required because ${oidcSet.join(', ')} is set (the OIDC trio is all or none)`,
    );
  }
  for (const name of ['OIDC_DEFAULT_ROLE', 'OIDC_TRUSTED_EMAIL_ISSUERS']) {
    if (raw[name] && oidcSet.length === 0) problems.push(`${name}: set without OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET`);
  }
  if (!raw.S3_ENDPOINT && raw.S3_FORCE_PATH_STYLE !== 'false') {
    problems.push('S3_FORCE_PATH_STYLE: must be false when S3_ENDPOINT is unset (AWS S3 uses virtual-hosted buckets)');
  }
  if (raw.S3_PUBLIC_ENDPOINT && !raw.S3_ENDPOINT) problems.push('S3_PUBLIC_ENDPOINT: set without S3_ENDPOINT');
  if (!parsed) return problems;
  if (parsed.AUDIT_REGION && !parsed.RESIDENCY_REGIONS.includes(parsed.AUDIT_REGION)) {
    problems.push(`AUDIT_REGION: "${parsed.AUDIT_REGION}" is not one of RESIDENCY_REGIONS (${parsed.RESIDENCY_REGIONS.join(', ')})`);
  }
  if (parsed.RETRY_BACKOFF_MS > parsed.RETRY_BACKOFF_CAP_MS) problems.push('RETRY_BACKOFF_MS: larger than RETRY_BACKOFF_CAP_MS');
  if (parsed.SESSION_IDLE_MINUTES > parsed.SESSION_ABSOLUTE_HOURS * 60)
    problems.push('SESSION_IDLE_MINUTES: longer than SESSION_ABSOLUTE_HOURS');
  return problems;
}

/** Every problem of the configuration: malformed values, then rules between variables ([] = valid). */
export function configProblems(source: TSource): string[] {
  const raw = presentValues(source);
  const result = ZEnv.safeParse(raw);
  return [...(result.success ? [] : issueLines(result.error)), ...crossFieldProblems(raw, result.success ? result.data : undefined)];
}

/** One variable, read now and validated by its rule in ZEnv: for values read before the whole configuration
 *  may be (the logger) or that tests change at run time (vendor accounts, dial rules). */
export function envValue<K extends keyof TEnv>(name: K, source: TSource = process.env): TEnv[K] {
  const value = source[name];
  const result = ZEnv.shape[name].safeParse(value === '' ? undefined : value);
  if (!result.success)
    throw new Error(formatConfigProblems(issueLines(result.error).map((line) => `${name}${line.replace(/^\(root\)/, '')}`)));
  return result.data as TEnv[K];
}

/** The validated environment; parsed on first use so `next build` needs no runtime secrets. */
export function env(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
