import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { normaliseEmail, verifyCredentials } from "@/lib/users/queries";
import { recordFailedSignIn, signInBlocked } from "./rate-limit";

/** Too many failed attempts for this account: the sign-in form says so. */
class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

const credentials = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
});

/**
 * Auth.js with email and password. Sessions are JWTs holding only the user
 * id: every request looks up the user and their memberships afresh, so a
 * changed role takes effect at once.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
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
      async authorize(raw) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const email = normaliseEmail(parsed.data.email);
        if (await signInBlocked(email)) throw new TooManyAttempts();
        const user = await verifyCredentials(email, parsed.data.password);
        if (!user) {
          await recordFailedSignIn(email);
          return null;
        }
        await recordAudit({ userId: user.id, action: "user.signed_in" });
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
