import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/SignInForm";
import { appOrigin } from "@/lib/app-origin";
import { currentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl, appOrigin());
  if (await currentUser()) redirect(callbackPath);
  return (
    <main className="card auth-card stack">
      <h1>Sign in to Dossier</h1>
      {params.reset === "1" && (
        <p className="notice" role="status">
          Your new password is set. Sign in with it.
        </p>
      )}
      <SignInForm callbackPath={callbackPath} />
      <p className="muted">
        <Link href="/forgot-password">Forgot password?</Link>
      </p>
    </main>
  );
}
