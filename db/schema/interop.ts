import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { teams, users } from "./accounts";

export const API_TOKEN_SCOPES = ["read", "read-write"] as const;
/** What a personal API token may do: read only, or read and change (never more than its owner's role allows). */
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/**
 * Personal API tokens (lib/api/): a member's own, for one team, shown once
 * and stored as a hash. A request with one acts as its owner under their
 * role of today, narrowed by the scope.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    /** The owner's name for it ("OpenCTI connector"). */
    name: text().notNull(),
    scope: text({ enum: API_TOKEN_SCOPES }).notNull(),
    /** SHA-256 of the token (lib/secret-tokens.ts): a leaked database holds no working token. */
    tokenHash: text().notNull().unique(),
    /** The token's first characters, so its owner can tell tokens apart; not enough to use it. */
    prefix: text().notNull(),
    lastUsedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("api_tokens_user_idx").on(t.userId, t.teamId),
    check("api_tokens_scope_check", sql`${t.scope} in ('read', 'read-write')`),
  ],
);

export type ApiToken = typeof apiTokens.$inferSelect;

export const WEBHOOK_EVENTS = ["edition.published", "review.requested", "review.decided", "note.created", "source.retracted"] as const;
/** What a team's webhook may be subscribed to. */
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** What a delivery may carry: a subscribed event, or the test event an owner sends from the webhook's page. */
export const WEBHOOK_DELIVERY_EVENTS = [...WEBHOOK_EVENTS, "ping"] as const;
export type WebhookDeliveryEvent = (typeof WEBHOOK_DELIVERY_EVENTS)[number];

/**
 * A team's webhooks (lib/webhooks/): a URL its owners subscribed to some
 * events. Deliveries are signed with the secret (HMAC-SHA256); an endpoint
 * that keeps failing is disabled and its owners told.
 */
export const webhooks = pgTable(
  "webhooks",
  {
    id: uuid().primaryKey().defaultRandom(),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    url: text().notNull(),
    events: text({ enum: WEBHOOK_EVENTS }).array().notNull(),
    /** The signing secret, sealed with the server's key (lib/webhooks/): shown once to the owner, never again. */
    secretSealed: text().notNull(),
    description: text().notNull().default(""),
    /** Failed deliveries in a row (given up after their retries); reset by a success. */
    consecutiveFailures: integer().notNull().default(0),
    /** Set when it failed too often, or an owner paused it; nothing is sent while set. */
    disabledAt: timestamp({ withTimezone: true }),
    disabledReason: text(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("webhooks_team_idx").on(t.teamId)],
);

export type Webhook = typeof webhooks.$inferSelect;

/**
 * One event for one webhook: written in the transaction of the change it
 * tells of, sent afterwards by the delivery loop, retried with back-off, and
 * kept with each attempt's status as the webhook's delivery log.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    webhookId: uuid().notNull().references(() => webhooks.id, { onDelete: "cascade" }),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    event: text({ enum: WEBHOOK_DELIVERY_EVENTS }).notNull(),
    /** The JSON body sent, exactly as signed. */
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The last attempt's HTTP status, or null when no response came (refused address, timeout, connection error). */
    lastStatus: integer(),
    lastError: text(),
    deliveredAt: timestamp({ withTimezone: true }),
    abandonedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.deliveredAt} is null and ${t.abandonedAt} is null`),
    index("webhook_deliveries_webhook_idx").on(t.webhookId, t.createdAt),
  ],
);

export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

/** Whether a value is a webhook event, for input read from a form or a stored row. */
export const isWebhookEvent = (value: unknown): value is WebhookEvent => (WEBHOOK_EVENTS as readonly unknown[]).includes(value);

