import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * A webhook's signing secret: made by the server, shown to the owner once,
 * then kept sealed with AES-256-GCM under a key derived (HKDF-SHA256) from
 * the server's AUTH_SECRET, so a copy of the database alone signs nothing.
 * The webhook's id is the sealed text's associated data: a secret moved to
 * another row does not open.
 */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

const VERSION = "v1";

function sealingKey(serverSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", serverSecret, "dossier", "webhook signing secrets", 32));
}

/** "v1.<iv>.<tag>.<ciphertext>", each base64url. */
export function sealSecret(secret: string, webhookId: string, serverSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(serverSecret), iv).setAAD(Buffer.from(webhookId));
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** The secret a sealed text holds; throws when it was altered, belongs to another webhook or was sealed under another AUTH_SECRET. */
export function openSecret(sealed: string, webhookId: string, serverSecret: string): string {
  const [version, iv, tag, text] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || !text) throw new Error("The webhook's secret is not in a form this server knows.");
  const decipher = createDecipheriv("aes-256-gcm", sealingKey(serverSecret), Buffer.from(iv, "base64url")).setAAD(Buffer.from(webhookId));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(text, "base64url")), decipher.final()]).toString("utf8");
}
