import type { Metadata } from "next";
import Link from "next/link";
import { DeleteTeamForm } from "@/components/teams/DeleteTeamForm";
import { LeaveTeamButton } from "@/components/teams/LeaveTeamButton";
import { TeamSettingsForm } from "@/components/teams/TeamSettingsForm";
import { TeamStandardsForm } from "@/components/teams/TeamStandardsForm";
import { TransferOwnershipForm } from "@/components/teams/TransferOwnershipForm";
import { openTeam } from "@/lib/loaders/open";
import { listMembers } from "@/lib/teams/queries";

export const metadata: Metadata = { title: "Team settings" };

export default async function TeamSettingsPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { team: slug } = await params;
  const { user, team } = await openTeam(slug, "team.update");
  const [members, { saved }] = await Promise.all([listMembers(team.id), searchParams]);
  const others = members.filter((member) => member.userId !== user.id).map(({ userId, name, email }) => ({ userId, name, email }));

  return (
    <main className="page stack">
      <div className="page-head">
        <h1>Settings of {team.name}</h1>
      </div>
      <section className="card padded" aria-labelledby="details-heading">
        <h2 id="details-heading">Name and address</h2>
        <TeamSettingsForm team={{ slug: team.slug, name: team.name, defaultVisibility: team.defaultVisibility, citationTrigger: team.citationTrigger }} saved={saved === "1"} />
      </section>
      <section className="card padded" aria-labelledby="standards-heading">
        <h2 id="standards-heading">Judgments and markings</h2>
        <TeamStandardsForm
          team={{ slug: team.slug, likelihoodScale: team.likelihoodScale, likelihoodWording: team.likelihoodWording, defaultMarking: team.defaultMarking }}
        />
      </section>
      <section className="card padded" aria-labelledby="templates-heading">
        <h2 id="templates-heading">Note templates</h2>
        <p className="muted">The shapes a new note can start from: the built-in ones, and those the team saved from its notes.</p>
        <Link href={`/t/${team.slug}/templates`}>See the templates</Link>
      </section>
      <section className="card padded" aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading">Webhooks</h2>
        <p className="muted">Tell other tools (chat, dashboards, OpenCTI) when a brief is published, a review requested or decided, a note created or a source retracted.</p>
        <Link href={`/t/${team.slug}/settings/webhooks`}>Manage webhooks</Link>
      </section>
      <section className="card padded" aria-labelledby="transfer-heading">
        <h2 id="transfer-heading">Transfer ownership</h2>
        <p className="muted">The member you choose becomes an owner, and you become an analyst.</p>
        <TransferOwnershipForm team={team.slug} members={others} />
      </section>
      <section className="card padded" aria-labelledby="leave-heading">
        <h2 id="leave-heading">Leave the team</h2>
        <p className="muted">A team keeps at least one owner: its last owner cannot leave.</p>
        <LeaveTeamButton team={team.slug} name={team.name} />
      </section>
      <section className="card padded" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete the team</h2>
        <p>
          Deleting the team deletes everything in it for good: its notes and their history, comments, published editions, actors and events,
          tags, invites, feed links and audit log. Its members keep their accounts.
        </p>
        <DeleteTeamForm team={team.slug} name={team.name} />
      </section>
    </main>
  );
}
