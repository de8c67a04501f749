import "server-only";
// next-auth re-exports this class from its pinned @auth/core; importing it from there keeps this module free of Next.js.
import { CredentialsSignin } from "@auth/core/errors";
import { z } from "zod";
import { runCommand } from "@/lib/commands/command";
import { normaliseEmail, verifyCredentials } from "@/lib/users/queries";
import { addressOf } from "./client-address";
import { clearSignInAttempts, recordFailedSignIn, reserveSignInAttempt } from "./rate-limit";
import { createSession } from "./sessions";
import { refusalCode } from "./sign-in-refusal";

/** Too many attempts: the sign-in form says from where and for how long (lib/auth/sign-in-refusal.ts). */
class TooManyAttempts extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

const credentials = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
});

export interface SignedIn {
  id: string;
  email: string;
  name: string;
  /** The server-side session this sign-in starts; the cookie carries its id. */
  sessionId: string;
}

/**
 * The credentials provider's check. An attempt takes its place in the rate
 * limit before the password is hashed, so concurrent guesses are counted
 * before any of them is checked; a right password clears its address's count
 * and starts a session on record.
 */
export async function authorizeCredentials(raw: unknown, request: Request): Promise<SignedIn | null> {
  const parsed = credentials.safeParse(raw);
  if (!parsed.success) return null;
  const email = normaliseEmail(parsed.data.email);
  const address = addressOf(request);
  const gate = await reserveSignInAttempt(email, address);
  if (!gate.granted) throw new TooManyAttempts(refusalCode(gate.scope, gate.retryAfterMs));

  const user = await verifyCredentials(email, parsed.data.password);
  if (!user) {
    await recordFailedSignIn(email, address);
    return null;
  }
  await clearSignInAttempts(email, address);
  const sessionId = await runCommand(async ({ tx, audit }) => {
    const started = await createSession({ userId: user.id, userAgent: request.headers.get("user-agent"), address }, tx);
    await audit({ userId: user.id, action: "user.signed_in" });
    return started;
  });
  return { id: user.id, email: user.email, name: user.name, sessionId };
}
