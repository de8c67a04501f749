import { jwtVerify, SignJWT } from "jose";

/**
 * A short-lived token, minted from a signed-in session, that the editor sends
 * when it opens the websocket. It proves who the user is and which session it
 * came from; whether that session is still open, and what the user may do,
 * are looked up afresh on every connection.
 */
const AUDIENCE = "dossier:collab";
const LIFETIME = "10m";

function key(secret: string) {
  return new TextEncoder().encode(secret);
}

export interface CollabIdentity {
  userId: string;
  sessionId: string;
}

export function mintCollabToken({ userId, sessionId }: CollabIdentity, secret: string): Promise<string> {
  return new SignJWT({ sid: sessionId })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(LIFETIME)
    .sign(key(secret));
}

/** Who the token was minted for, or null when it is forged, expired or malformed. */
export async function verifyCollabToken(token: string, secret: string): Promise<CollabIdentity | null> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { audience: AUDIENCE, algorithms: ["HS256"] });
    return typeof payload.sub === "string" && typeof payload.sid === "string" ? { userId: payload.sub, sessionId: payload.sid } : null;
  } catch {
    return null;
  }
}

export function authSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set; start Dossier through server.ts.");
  return secret;
}
