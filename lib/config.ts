import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/** "https://dossier.example.org" (a trailing slash allowed), not a page or a user@host. */
function isHttpOrigin(value: string): boolean {
  const url = URL.parse(value);
  return (
    url !== null &&
    (url.protocol === "http:" || url.protocol === "https:") &&
    !url.username &&
    !url.password &&
    url.pathname === "/" &&
    !url.search &&
    !url.hash
  );
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** An issuer is reached over https; plain http only on this machine (a provider run for tests or development). */
function isIssuerUrl(value: string): boolean {
  const url = URL.parse(value);
  if (!url || url.username || url.password || url.search || url.hash) return false;
  return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
}

/** The roles of db/schema/accounts.ts (config.ts imports nothing of db/, which imports it; config.test.ts checks they agree). */
export const CONFIG_ROLES = ["owner", "analyst", "reviewer", "reader"] as const;

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Configuration comes from the environment only; see README.md for each variable. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  APP_URL: z
    .string()
    .refine(isHttpOrigin, "must be an http:// or https:// origin with no path, query or user, such as https://dossier.example.org")
    .optional(),
  DATA_DIR: z.string().min(1).default("./.data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must start with redis:// or rediss://").optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^/]/, "must be an smtp:// or smtps:// URL, such as smtp://user:password@mail.example.org:587").optional(),
  MAIL_FROM: z.string().min(3).max(320).optional(),
  MAIL_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  DOSSIER_DEMO: z.enum(["0", "1"]).default("1"),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  REVISION_PAUSE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(180),
  REVISIONS_HOURLY_AFTER_HOURS: z.coerce.number().int().min(1).default(24),
  REVISIONS_DAILY_AFTER_DAYS: z.coerce.number().int().min(1).default(30),
  OIDC_ISSUER: z.string().refine(isIssuerUrl, "must be the issuer's https:// URL, such as https://accounts.google.com").optional(),
  OIDC_CLIENT_ID: z.string().max(1000, "is too long").optional(),
  OIDC_CLIENT_SECRET: z.string().max(4000, "is too long").optional(),
  OIDC_NAME: z.string().trim().min(1, "must not be blank").max(60, "must be at most 60 characters").optional(),
  OIDC_ONLY: z.enum(["0", "1"]).optional(),
  OIDC_ALLOWED_DOMAINS: z
    .string()
    .transform((value) => value.split(",").map((domain) => domain.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(DOMAIN, "must list e-mail domains separated by commas, such as example.org,example.com")).min(1, "must list at least one domain"))
    .optional(),
  OIDC_TEAM: z.string().regex(SLUG, "must be a team's URL name, such as desk").optional(),
  OIDC_ROLE: z.enum(CONFIG_ROLES, `must be one of ${CONFIG_ROLES.join(", ")}`).optional(),
  API_RATE_LIMIT: z.coerce.number().int().min(1, "must be at least 1").max(1_000_000).default(300),
  DOSSIER_WEBHOOKS_ALLOW_LOOPBACK: z.enum(["0", "1"]).default("0"),
});

/** Single sign-on through an OpenID Connect issuer (lib/auth/oidc.ts). */
export interface OidcConfig {
  /** The issuer's URL; its discovery document must name exactly this issuer. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The button says "Sign in with <name>". */
  name: string;
  /** No password sign-in at all: the form is hidden and the server refuses it. */
  only: boolean;
  /** E-mail domains whose verified addresses may open an account on first sign-in (lower case). */
  allowedDomains: string[];
  /** The team (slug) such new accounts join, and with which role. */
  team?: string;
  role: (typeof CONFIG_ROLES)[number];
}

/** How automatic revisions are thinned as they age (lib/revisions/thinning.ts). */
export interface Retention {
  /** Automatic revisions older than this keep one per hour. */
  hourlyAfterMs: number;
  /** Automatic revisions older than this keep one per day. */
  dailyAfterMs: number;
}

interface Config {
  port: number;
  /** The app's public origin, as browsers reach it: "https://dossier.example.org". */
  appUrl: string;
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  authSecret?: string;
  /** Outgoing mail, when SMTP_URL is set; without it Dossier sends none and says so where it matters. */
  mail?: {
    smtpUrl: string;
    from: string;
    /** The hour (UTC, 0–23) at which daily digests go out. */
    digestHour: number;
  };
  demo: boolean;
  /** How many proxies in front append to X-Forwarded-For (0: the socket's peer is the client). */
  trustProxy: number;
  revisions: { pauseMs: number; retention: Retention };
  /** Unset when single sign-on is not configured. */
  oidc?: OidcConfig;
  /** Requests a minute the API answers per token (or per client address without one), counted in each process (lib/api/rate-limit.ts). */
  apiRateLimit: number;
  /** Where webhooks may send (lib/webhooks/address-check.ts). */
  webhooks: {
    /** For tests only: webhooks may send to this machine (127.0.0.0/8, ::1); never to any other private address. */
    allowLoopback: boolean;
    /** Plain http:// URLs are accepted outside production, or with allowLoopback; otherwise only https://. */
    allowHttp: boolean;
  };
}

export class ConfigError extends Error {}

const blankToUndefined = (value: string | undefined) => (value === "" ? undefined : value);

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse({
    PORT: blankToUndefined(env.PORT),
    APP_URL: blankToUndefined(env.APP_URL),
    DATA_DIR: blankToUndefined(env.DATA_DIR),
    DATABASE_URL: blankToUndefined(env.DATABASE_URL),
    REDIS_URL: blankToUndefined(env.REDIS_URL),
    AUTH_SECRET: blankToUndefined(env.AUTH_SECRET) ?? blankToUndefined(env.NEXTAUTH_SECRET),
    SMTP_URL: blankToUndefined(env.SMTP_URL),
    MAIL_FROM: blankToUndefined(env.MAIL_FROM),
    MAIL_DIGEST_HOUR: blankToUndefined(env.MAIL_DIGEST_HOUR),
    DOSSIER_DEMO: blankToUndefined(env.DOSSIER_DEMO),
    TRUST_PROXY: blankToUndefined(env.TRUST_PROXY),
    REVISION_PAUSE_SECONDS: blankToUndefined(env.REVISION_PAUSE_SECONDS),
    REVISIONS_HOURLY_AFTER_HOURS: blankToUndefined(env.REVISIONS_HOURLY_AFTER_HOURS),
    REVISIONS_DAILY_AFTER_DAYS: blankToUndefined(env.REVISIONS_DAILY_AFTER_DAYS),
    OIDC_ISSUER: blankToUndefined(env.OIDC_ISSUER),
    OIDC_CLIENT_ID: blankToUndefined(env.OIDC_CLIENT_ID),
    OIDC_CLIENT_SECRET: blankToUndefined(env.OIDC_CLIENT_SECRET),
    OIDC_NAME: blankToUndefined(env.OIDC_NAME),
    OIDC_ONLY: blankToUndefined(env.OIDC_ONLY),
    OIDC_ALLOWED_DOMAINS: blankToUndefined(env.OIDC_ALLOWED_DOMAINS),
    OIDC_TEAM: blankToUndefined(env.OIDC_TEAM),
    OIDC_ROLE: blankToUndefined(env.OIDC_ROLE),
    API_RATE_LIMIT: blankToUndefined(env.API_RATE_LIMIT),
    DOSSIER_WEBHOOKS_ALLOW_LOOPBACK: blankToUndefined(env.DOSSIER_WEBHOOKS_ALLOW_LOOPBACK),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid configuration: ${String(issue.path[0])} ${issue.message}.`);
  }
  const c = parsed.data;
  const appUrl = c.APP_URL ? new URL(c.APP_URL).origin : `http://localhost:${c.PORT}`;
  // A server others reach must never post to the machine it runs on: in production the test setting needs a server of this machine alone.
  if (c.DOSSIER_WEBHOOKS_ALLOW_LOOPBACK === "1" && env.NODE_ENV === "production" && !isLoopbackHost(new URL(appUrl).hostname))
    throw new ConfigError(
      "Invalid configuration: DOSSIER_WEBHOOKS_ALLOW_LOOPBACK is for test servers only; in production it needs APP_URL on this machine (localhost or 127.0.0.1).",
    );
  return {
    port: c.PORT,
    appUrl,
    dataDir: path.resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    redisUrl: c.REDIS_URL,
    authSecret: c.AUTH_SECRET,
    mail: c.SMTP_URL
      ? { smtpUrl: c.SMTP_URL, from: c.MAIL_FROM ?? `Dossier <dossier@${new URL(appUrl).hostname}>`, digestHour: c.MAIL_DIGEST_HOUR }
      : undefined,
    demo: c.DOSSIER_DEMO === "1",
    trustProxy: c.TRUST_PROXY,
    revisions: {
      pauseMs: c.REVISION_PAUSE_SECONDS * 1000,
      retention: { hourlyAfterMs: c.REVISIONS_HOURLY_AFTER_HOURS * 3600_000, dailyAfterMs: c.REVISIONS_DAILY_AFTER_DAYS * 86_400_000 },
    },
    oidc: oidcConfig(c),
    apiRateLimit: c.API_RATE_LIMIT,
    webhooks: {
      allowLoopback: c.DOSSIER_WEBHOOKS_ALLOW_LOOPBACK === "1",
      allowHttp: env.NODE_ENV !== "production" || c.DOSSIER_WEBHOOKS_ALLOW_LOOPBACK === "1",
    },
  };
}

const isLoopbackHost = (host: string) => host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);

const OIDC_CLIENT = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;
const OIDC_OPTIONS = ["OIDC_NAME", "OIDC_ONLY", "OIDC_ALLOWED_DOMAINS", "OIDC_TEAM", "OIDC_ROLE"] as const;

/** The issuer and its client are set together or not at all; the options only with them, and self-registration with its team. */
function oidcConfig(c: z.infer<typeof schema>): OidcConfig | undefined {
  const missing = OIDC_CLIENT.filter((name) => c[name] === undefined);
  if (missing.length === OIDC_CLIENT.length) {
    // OIDC_ONLY=0 says what is true anyway.
    const stray = OIDC_OPTIONS.find((name) => c[name] !== undefined && !(name === "OIDC_ONLY" && c[name] === "0"));
    if (stray) throw new ConfigError(`Invalid configuration: ${stray} is set, but single sign-on is not: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET too.`);
    return undefined;
  }
  if (missing.length) {
    throw new ConfigError(`Invalid configuration: ${missing[0]} is missing: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set together, or none of them.`);
  }
  if (c.OIDC_ALLOWED_DOMAINS && !c.OIDC_TEAM) {
    throw new ConfigError("Invalid configuration: OIDC_ALLOWED_DOMAINS needs OIDC_TEAM, the team that accounts opened through single sign-on join.");
  }
  for (const name of ["OIDC_TEAM", "OIDC_ROLE"] as const) {
    if (c[name] && !c.OIDC_ALLOWED_DOMAINS) {
      throw new ConfigError(`Invalid configuration: ${name} is only used with OIDC_ALLOWED_DOMAINS, the e-mail domains that may open an account through single sign-on.`);
    }
  }
  return {
    issuer: c.OIDC_ISSUER!,
    clientId: c.OIDC_CLIENT_ID!,
    clientSecret: c.OIDC_CLIENT_SECRET!,
    name: c.OIDC_NAME ?? "single sign-on",
    only: c.OIDC_ONLY === "1",
    allowedDomains: c.OIDC_ALLOWED_DOMAINS ?? [],
    team: c.OIDC_TEAM,
    role: c.OIDC_ROLE ?? "reader",
  };
}

/** The configured secret, or one generated on first run and kept in DATA_DIR. */
export function ensureAuthSecret(config: Config): string {
  if (config.authSecret) return config.authSecret;
  const file = path.join(config.dataDir, "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
