/**
 * A session cookie from Auth.js' credentials flow, as the sign-in form gets
 * one: fetch the CSRF token, then post the email and password with it.
 */
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo/accounts";
import type { DemoRole } from "./dossier-process";

interface SessionCookie {
  name: string;
  value: string;
  /** `name=value`, for a Cookie header. */
  header: string;
}

const pairs = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);

export async function signIn(baseURL: string, role: DemoRole): Promise<SessionCookie> {
  const csrf = await fetch(`${baseURL}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: pairs(csrf).join("; ") },
    body: new URLSearchParams({ email: DEMO_USERS[role].email, password: DEMO_PASSWORD, csrfToken, callbackUrl: baseURL }),
  });
  await response.arrayBuffer();
  const session = pairs(response).find((pair) => /^(__Secure-)?authjs\.session-token=/.test(pair));
  if (!session) throw new Error(`Signing in as the demo ${role} failed (HTTP ${response.status})`);
  const [name, ...value] = session.split("=");
  return { name, value: value.join("="), header: session };
}
