import type { Metadata } from "next";
import { CreateTeamForm } from "@/components/CreateTeamForm";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New team" };

export default async function NewTeamPage() {
  await requireUser();
  return (
    <main className="card auth-card stack">
      <h1>Start a team</h1>
      <p className="muted">You will be its owner, and can invite analysts, reviewers and readers.</p>
      <CreateTeamForm />
    </main>
  );
}
