import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/ForgotPasswordForm";
import { RESET_NEEDS_OWNER } from "@/lib/auth/forgot-password";
import { NO_PASSWORDS, passwordSignIn } from "@/lib/auth/oidc-settings";
import { mailEnabled } from "@/lib/mail/outbox";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <main className="card auth-card stack">
      <h1>Forgot your password?</h1>
      {!passwordSignIn() ? (
        <p>{NO_PASSWORDS}</p>
      ) : mailEnabled() ? (
        <>
          <p className="muted">Enter the email address you sign in with. We will send a link to set a new password.</p>
          <ForgotPasswordForm />
        </>
      ) : (
        <p>{RESET_NEEDS_OWNER}</p>
      )}
      <p className="muted">
        <Link href="/signin">Back to sign in</Link>
      </p>
    </main>
  );
}
