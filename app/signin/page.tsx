import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { FormError } from "@/components/FormError";
import { SignInForm } from "@/components/auth/SignInForm";
import { SingleSignOnButton } from "@/components/auth/SingleSignOnButton";
import { appOrigin } from "@/lib/app-origin";
import { OIDC_PROVIDER_ID, oidcSettings } from "@/lib/auth/oidc-settings";
import { currentUser } from "@/lib/auth/session";
import { signInPageErrorMessage } from "@/lib/auth/sign-in-refusal";
import { safeCallbackPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl, appOrigin());
  if (await currentUser()) redirect(callbackPath);
  const sso = oidcSettings();
  // next-auth sends a refused or failed sign-in here with its reason (lib/auth/auth.ts).
  const error = signInPageErrorMessage(typeof params.error === "string" ? params.error : undefined, sso?.name);
  return (
    <main className="card auth-card stack">
      <h1>Sign in to Dossier</h1>
      <FormError message={error} />
      {params.reset === "1" && (
        <p className="notice" role="status">
          Your new password is set. Sign in with it.
        </p>
      )}
      {sso && <SingleSignOnButton providerId={OIDC_PROVIDER_ID} name={sso.name} callbackPath={callbackPath} primary={sso.only} />}
      {sso && !sso.only && <p className="muted">or with your email and password:</p>}
      {!sso?.only && <SignInForm callbackPath={callbackPath} />}
      {!sso?.only && (
        <p className="muted">
          <Link href="/forgot-password">Forgot password?</Link>
        </p>
      )}
    </main>
  );
}
