import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SetupForm } from "@/components/auth/SetupForm";
import { oidcSettings } from "@/lib/auth/oidc-settings";
import { isSetUp } from "@/lib/setup/first-start";

export const metadata: Metadata = { title: "Set up Dossier" };

/** The first start: until an account exists, every page leads here; after that there is no such page, for anyone. */
export default async function SetupPage() {
  if (await isSetUp()) notFound();
  const sso = oidcSettings();
  if (sso?.only) {
    // No password is a way in: the first owner is made by the operator, then signs in through the issuer (linked by verified e-mail).
    return (
      <main className="card auth-card stack">
        <h1>Set up Dossier</h1>
        <p>This Dossier signs people in through {sso.name} only. Create the first owner and team on the server:</p>
        <pre>npm run admin -- create-user --email you@example.org --name &quot;Your Name&quot; --team your-team --team-name &quot;Your team&quot;</pre>
        <p>then sign in with {sso.name} using that e-mail address.</p>
      </main>
    );
  }
  return (
    <main className="card auth-card stack">
      <h1>Set up Dossier</h1>
      <p className="muted">Create your account and your team. You will be the team&apos;s owner, and can invite analysts, reviewers and readers from its Members page.</p>
      <SetupForm />
    </main>
  );
}
