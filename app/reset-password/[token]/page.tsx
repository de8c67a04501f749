import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/ResetPasswordForm";
import { readResetLink, RESET_LINK_REFUSALS } from "@/lib/auth/password-resets";

export const metadata: Metadata = { title: "Set a new password", referrer: "no-referrer" };

/** The link is the permission: anyone holding it may set the account's password, once. Opening it uses nothing up. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = token.length <= 100 ? await readResetLink(token) : ({ state: "unknown" } as const);
  if (link.state !== "open") {
    return (
      <main className="card auth-card stack">
        <h1>This link does not work</h1>
        <p role="alert">{RESET_LINK_REFUSALS[link.state]}</p>
        <p>
          <Link href="/forgot-password">Ask for a new link</Link> · <Link href="/signin">Sign in</Link>
        </p>
      </main>
    );
  }
  return (
    <main className="card auth-card stack">
      <h1>Set a new password</h1>
      <p className="muted">
        For <strong>{link.email}</strong>. Setting it signs this account out everywhere, then signs you in here.
      </p>
      <ResetPasswordForm token={token} email={link.email} />
    </main>
  );
}
