import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import type { NextRequest } from "next/server";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { addressOf } from "./client-address";
import { authorizeCredentials } from "./credentials";
import { signInWithOidc, type SignInClient } from "./oidc";
import { OIDC_PROVIDER_ID, oidcSettings } from "./oidc-settings";
import { isSessionActive, revokeSession, SESSION_MAX_AGE_SECONDS } from "./sessions";
import { singleSignOnRefusalCode } from "./sign-in-refusal";

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    /** The id of the session on record (lib/auth/sessions.ts). */
    sid?: string;
  }
}

/** Password sign-in, unless OIDC_ONLY turns it off (then its route has no provider, and refuses); and the configured issuer. */
function providers(): Provider[] {
  const sso = oidcSettings();
  const list: Provider[] = [];
  if (!sso?.only) {
    list.push(
      Credentials({
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (raw, request) => authorizeCredentials(raw, request),
      }),
    );
  }
  if (sso) {
    list.push({
      id: OIDC_PROVIDER_ID,
      name: sso.name,
      type: "oidc",
      // Discovery must name exactly this issuer, and so must the id token.
      issuer: sso.issuer,
      clientId: sso.clientId,
      clientSecret: sso.clientSecret,
      // Each check's value is kept in its own encrypted cookie and compared at the callback.
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope: "openid email profile" } },
      // The profile comes from the userinfo endpoint, where OpenID Connect puts the e-mail claims of a code flow.
      idToken: false,
    });
  }
  return list;
}

/**
 * Auth.js with email and password and, when configured, an OpenID Connect
 * issuer (lib/auth/oidc.ts). The session cookie is a JWT holding the user id
 * and the id of a session kept in the database: every request checks that
 * session is still open (signing out closes it, for every copy of the
 * cookie) and looks up the user and their memberships afresh, so a changed
 * role takes effect at once. Both ways in end the same: our user id and a
 * session on record.
 */
function authConfig(request: NextRequest | undefined): NextAuthConfig {
  // next-auth's own routes are given their request (auth() in a page is not): a sign-in records where it came from.
  const client: SignInClient | null = request ? { userAgent: request.headers.get("user-agent"), address: addressOf(request) } : null;
  return {
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    // Refusals and failed single sign-ons land on the sign-in page, which words them.
    pages: { signIn: "/signin", error: "/signin" },
    trustHost: true,
    // A wrong password is an answer, not a server error: keep it out of the error log.
    logger: {
      error(error) {
        if (error instanceof CredentialsSignin) return;
        // With OIDC_ONLY the password route has no provider: a post to it is refused, and worth one line, not a stack.
        if (oidcSettings()?.only && /Provider with id "credentials" not found/.test(error.message)) {
          console.warn("[auth] A password sign-in was refused: OIDC_ONLY is set.");
          return;
        }
        console.error("[auth]", error);
      },
    },
    providers: providers(),
    callbacks: {
      // After next-auth's checks of the issuer's answer: find or open the account and start its session, or say why not.
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const sso = oidcSettings();
        if (!sso || !client) return false;
        const outcome = await signInWithOidc(sso, profile, client);
        if (!outcome.ok) return `/signin?error=${singleSignOnRefusalCode(outcome.refusal)}`;
        // Auth.js hands this same object to jwt() below, as authorize()'s user is for a password sign-in.
        Object.assign(user, outcome.user, { sessionId: outcome.sessionId });
        return true;
      },
      // Runs at sign-in (with `user`) and whenever a session cookie is read; null ends the session.
      async jwt({ token, user }) {
        if (user) return user.id && user.sessionId ? { sub: user.id, sid: user.sessionId, name: user.name, email: user.email } : null;
        return (await isSessionActive(token.sid, token.sub)) ? token : null;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        session.sessionId = token.sid;
        return session;
      },
      // After signing in, only a path on this origin (as the password form does it, lib/safe-redirect.ts).
      redirect({ url, baseUrl }) {
        return new URL(safeCallbackPath(url, baseUrl), baseUrl).href;
      },
    },
    events: {
      // Both the sign-out button and next-auth's own sign-out endpoint come through here.
      async signOut(message) {
        const token = "token" in message ? message.token : null;
        if (!token?.sid) return;
        await revokeSession(token.sid);
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(authConfig);
