import { createHash, randomBytes } from "node:crypto";

/** A secret that is itself the permission (an invite, a reset link, a feed link): random and URL-safe. */
export const newSecretToken = (bytes = 24): string => randomBytes(bytes).toString("base64url");

/** What is stored of such a secret: a leaked database holds no working links. */
export const hashSecretToken = (token: string): string => createHash("sha256").update(token).digest("hex");
