import type { Metadata } from "next";
import Link from "next/link";
import { InviteResponse } from "@/components/auth/InviteResponse";
import { SingleSignOnButton } from "@/components/auth/SingleSignOnButton";
import { ROLE_LABELS } from "@/lib/policies/grants";
import { OIDC_PROVIDER_ID, oidcSettings } from "@/lib/auth/oidc-settings";
import { currentUser } from "@/lib/auth/session";
import { findOpenInvite } from "@/lib/teams/invites";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [open, user] = await Promise.all([findOpenInvite(token), currentUser()]);
  const sso = oidcSettings();
  if (!open) {
    return (
      <main className="card auth-card stack">
        <h1>Invite not valid</h1>
        <p>This invite link has expired or has already been used. Ask the team owner for a new one.</p>
        <Link href="/">Go to Dossier</Link>
      </main>
    );
  }
  return (
    <main className="card auth-card stack">
      <h1>Join {open.team.name}</h1>
      <p>
        You are invited as <strong>{ROLE_LABELS[open.invite.role]}</strong>.
        {user && ` You are signed in as ${user.email}.`}
      </p>
      {/* Signing in through the issuer opens an account for the invited address, then comes back here to join. */}
      {!user && sso && <SingleSignOnButton providerId={OIDC_PROVIDER_ID} name={sso.name} callbackPath={`/invite/${token}`} primary={sso.only} />}
      {(user || !sso?.only) && <InviteResponse token={token} email={open.invite.email} signedIn={Boolean(user)} />}
      {!user && !sso?.only && (
        <p className="muted">
          Already have an account? <Link href={`/signin?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>Sign in</Link> first.
        </p>
      )}
    </main>
  );
}
