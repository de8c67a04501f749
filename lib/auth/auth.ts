import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authorizeCredentials } from "./credentials";
import { isSessionActive, revokeSession, SESSION_MAX_AGE_SECONDS } from "./sessions";

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

/**
 * Auth.js with email and password. The session cookie is a JWT holding the
 * user id and the id of a session kept in the database: every request checks
 * that session is still open (signing out closes it, for every copy of the
 * cookie) and looks up the user and their memberships afresh, so a changed
 * role takes effect at once.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin" },
  trustHost: true,
  // A wrong password is an answer, not a server error: keep it out of the error log.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (raw, request) => authorizeCredentials(raw, request),
    }),
  ],
  callbacks: {
    // Runs at sign-in (with `user`) and whenever a session cookie is read; null ends the session.
    async jwt({ token, user }) {
      if (user?.id) return { ...token, sub: user.id, sid: user.sessionId };
      return (await isSessionActive(token.sid, token.sub)) ? token : null;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionId = token.sid;
      return session;
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
});
