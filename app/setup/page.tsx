import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SetupForm } from "@/components/auth/SetupForm";
import { isSetUp } from "@/lib/setup/first-start";

export const metadata: Metadata = { title: "Set up Dossier" };

/** The first start: until an account exists, every page leads here; after that there is no such page, for anyone. */
export default async function SetupPage() {
  if (await isSetUp()) notFound();
  return (
    <main className="card auth-card stack">
      <h1>Set up Dossier</h1>
      <p className="muted">Create your account and your team. You will be the team&apos;s owner, and can invite analysts, reviewers and readers from its Members page.</p>
      <SetupForm />
    </main>
  );
}
