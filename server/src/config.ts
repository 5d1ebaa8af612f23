import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root: the nearest folder above this file with a pnpm-workspace.yaml. */
export const repoRoot: string = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'pnpm-workspace.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the repository root (pnpm-workspace.yaml)');
    dir = parent;
  }
  return dir;
})();

const fromRoot = (p: string) => (path.isAbsolute(p) ? p : path.resolve(repoRoot, p));

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

/**
 * Every setting of the server, read from the environment. The README's configuration table
 * documents each one; keep the two in step.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: int(0, 65535).default(4000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  REFERENCE_DATA_DIR: z.string().min(1).default('../shared/data'),
  CLIENT_DIST_DIR: z.string().min(1).default('client/dist'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  DB_POOL_MAX: int(1, 200).default(10),
  DB_CONNECT_TIMEOUT_MS: int(100, 120_000).default(5_000),
  DB_IDLE_TIMEOUT_MS: int(1_000, 3_600_000).default(30_000),
  DB_STATEMENT_TIMEOUT_MS: int(100, 3_600_000).default(15_000),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: int(100, 3_600_000).default(10_000),
  LOAD_DEMO_DATA: bool.default(true),
  CORS_ORIGINS: list.default([]),
  SHUTDOWN_GRACE_MS: int(0, 120_000).default(10_000),
  // ---- identity and trust (writes) ----
  FIRST_ADMIN_EMAIL: z.string().email().optional(),
  FIRST_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  SESSION_TTL_HOURS: int(1, 24 * 90).default(12),
  COOKIE_SECURE: bool.optional(),
  LOGIN_MAX_FAILURES: int(1, 1000).default(5),
  LOGIN_WINDOW_MINUTES: int(1, 24 * 60).default(15),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: z.string().url().optional(),
  OIDC_ALLOW_HTTP: bool.default(false),
  WEBHOOK_ALLOW_HTTP: bool.optional(),
  WEBHOOK_POLL_MS: int(0, 3_600_000).optional(),
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: bool.default(false),
  // ---- hardening (HTTP edge, rate limits, metrics) ----
  TRUST_PROXY: bool.default(false),
  HSTS: z.enum(['auto', 'always', 'off']).default('auto'),
  RATE_LIMIT_MAX: int(0, 1_000_000).default(600),
  RATE_LIMIT_TOKEN_MAX: int(0, 1_000_000).default(3_000),
  RATE_LIMIT_WINDOW_MS: int(1_000, 3_600_000).default(60_000),
  METRICS_ENABLED: bool.default(true),
});

export type Config = Readonly<{
  nodeEnv: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  referenceDataDir: string;
  clientDistDir: string;
  logLevel: string;
  /** Pretty, human-readable lines or JSON lines; `auto` is pretty on a terminal. */
  logPretty: boolean;
  db: Readonly<{
    poolMax: number;
    connectTimeoutMs: number;
    idleTimeoutMs: number;
    statementTimeoutMs: number;
    idleInTransactionTimeoutMs: number;
  }>;
  loadDemoData: boolean;
  corsOrigins: readonly string[];
  shutdownGraceMs: number;
  identity: Readonly<{
    firstAdminEmail: string | undefined;
    firstAdminPassword: string | undefined;
    sessionTtlHours: number;
    /** The session cookie gets `Secure`; default on in production. */
    cookieSecure: boolean;
    loginMaxFailures: number;
    loginWindowMinutes: number;
    /** OIDC sign-in is offered only when issuer, client id and redirect URI are all set. */
    oidc: Readonly<{
      issuer: string;
      clientId: string;
      clientSecret: string | undefined;
      redirectUri: string;
      allowHttp: boolean;
    }> | null;
  }>;
  webhooks: Readonly<{
    /** Plain-http webhook URLs are refused in production unless allowed. */
    allowHttp: boolean;
    /** How often the outbox is polled for deliveries; 0 disables the background worker. */
    pollMs: number;
    /**
     * Accept and deliver to hosts on loopback, private, link-local and other non-public
     * addresses. Off by default everywhere: on, a subscriber can make the server POST into its
     * own network (SSRF). Tests and local receivers only.
     */
    allowPrivateNetworks: boolean;
  }>;
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy (client IP, https for HSTS). */
  trustProxy: boolean;
  /** Strict-Transport-Security: `auto` only on requests that arrived over TLS, `always`, or `off`. */
  hsts: 'auto' | 'always' | 'off';
  /** Requests per window per client IP and per API token; 0 turns that limit off. */
  rateLimit: Readonly<{ perIp: number; perToken: number; windowMs: number }>;
  /** Serve Prometheus metrics at /metrics. */
  metricsEnabled: boolean;
}>;

export class ConfigError extends Error {}

/** Reads and validates the configuration; a wrong value names the variable and what is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.keys(schema.shape).flatMap((k) => (env[k] === undefined || env[k] === '' ? [] : [[k, env[k]]])),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.')}=${JSON.stringify(present[String(issue.path[0])])}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    nodeEnv: e.NODE_ENV,
    isProduction: e.NODE_ENV === 'production',
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: fromRoot(e.DATA_DIR),
    referenceDataDir: fromRoot(e.REFERENCE_DATA_DIR),
    clientDistDir: fromRoot(e.CLIENT_DIST_DIR),
    logLevel: e.LOG_LEVEL,
    logPretty: e.LOG_FORMAT === 'pretty' || (e.LOG_FORMAT === 'auto' && Boolean(process.stdout.isTTY)),
    db: Object.freeze({
      poolMax: e.DB_POOL_MAX,
      connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
      idleTimeoutMs: e.DB_IDLE_TIMEOUT_MS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    }),
    loadDemoData: e.LOAD_DEMO_DATA,
    corsOrigins: Object.freeze(e.CORS_ORIGINS),
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    identity: Object.freeze({
      firstAdminEmail: e.FIRST_ADMIN_EMAIL?.toLowerCase(),
      firstAdminPassword: e.FIRST_ADMIN_PASSWORD,
      sessionTtlHours: e.SESSION_TTL_HOURS,
      cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
      loginMaxFailures: e.LOGIN_MAX_FAILURES,
      loginWindowMinutes: e.LOGIN_WINDOW_MINUTES,
      oidc:
        e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_REDIRECT_URI
          ? Object.freeze({
              issuer: e.OIDC_ISSUER,
              clientId: e.OIDC_CLIENT_ID,
              clientSecret: e.OIDC_CLIENT_SECRET,
              redirectUri: e.OIDC_REDIRECT_URI,
              allowHttp: e.OIDC_ALLOW_HTTP,
            })
          : null,
    }),
    webhooks: Object.freeze({
      allowHttp: e.WEBHOOK_ALLOW_HTTP ?? e.NODE_ENV !== 'production',
      pollMs: e.WEBHOOK_POLL_MS ?? (e.NODE_ENV === 'test' ? 0 : 5_000),
      allowPrivateNetworks: e.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
    }),
    trustProxy: e.TRUST_PROXY,
    hsts: e.HSTS,
    rateLimit: Object.freeze({
      perIp: e.RATE_LIMIT_MAX,
      perToken: e.RATE_LIMIT_TOKEN_MAX,
      windowMs: e.RATE_LIMIT_WINDOW_MS,
    }),
    metricsEnabled: e.METRICS_ENABLED,
  });
}
