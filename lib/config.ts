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
});

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
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid configuration: ${String(issue.path[0])} ${issue.message}.`);
  }
  const c = parsed.data;
  const appUrl = c.APP_URL ? new URL(c.APP_URL).origin : `http://localhost:${c.PORT}`;
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
