import Link from "next/link";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { teamsOfUser } from "@/lib/teams/queries";
import { SignOutButton } from "@/components/SignOutButton";
import { OnlyOwnOfflineEdits } from "@/components/editor/offline/OnlyOwnOfflineEdits";
import { ResendUnsavedTitles } from "@/components/notes/ResendUnsavedTitles";

export default async function Home() {
  const user = await requireUser();
  const teams = await teamsOfUser(user.id);
  if (teams.length > 0) redirect(`/t/${teams[0].team.slug}`);
  return (
    <main className="card auth-card stack">
      <h1>Welcome, {user.name}</h1>
      <p>You are not a member of any team yet. Ask a team owner for an invite link, or start your own team.</p>
      <Link className="button primary" href="/teams/new">
        Start a team
      </Link>
      <SignOutButton />
      <OnlyOwnOfflineEdits userId={user.id} />
      <ResendUnsavedTitles userId={user.id} />
    </main>
  );
}
