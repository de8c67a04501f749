import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The X-Dossier-Signature header (Stripe's scheme): "t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<body>" with the webhook's secret>". The time is signed
 * with the body, so a receiver that refuses old times refuses replays.
 */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${hmac(secret, `${unixSeconds}.${body}`)}`;
}

const hmac = (secret: string, text: string) => createHmac("sha256", secret).update(text, "utf8").digest("hex");

/**
 * What a receiver does (README.md, "Webhooks", has the same as a sample):
 * whether the header signs this very body with this secret, at most
 * `toleranceSeconds` from now.
 */
export function verifySignature(secret: string, body: string, header: string, options: { toleranceSeconds?: number; now?: number } = {}): boolean {
  const { toleranceSeconds = 300, now = Math.floor(Date.now() / 1000) } = options;
  const parts = Object.fromEntries(header.split(",").map((part) => part.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(now - t) > toleranceSeconds || !parts.v1) return false;
  const expected = Buffer.from(hmac(secret, `${t}.${body}`), "hex");
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
