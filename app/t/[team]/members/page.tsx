import type { Metadata } from "next";
import { InviteForm } from "@/components/members/InviteForm";
import { MemberRow } from "@/components/members/MemberRow";
import { RevokeInviteButton } from "@/components/members/RevokeInviteButton";
import { RelativeTime } from "@/components/RelativeTime";
import { ROLE_LABELS } from "@/lib/policies/grants";
import { openTeam } from "@/lib/loaders/open";
import { mailEnabled } from "@/lib/mail/outbox";
import { listOpenInvites } from "@/lib/teams/invites";
import { listMembers } from "@/lib/teams/queries";
import { passwordSignIn } from "@/lib/auth/oidc-settings";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { user, team } = await openTeam(slug, "member.list");
  const passwords = passwordSignIn();
  const [members, invites] = await Promise.all([listMembers(team.id), listOpenInvites(team.id)]);

  return (
    <main className="page stack">
      <div className="page-head">
        <h1>Members of {team.name}</h1>
      </div>
      <section className="card">
        <table className="list" aria-label="Members">
          <thead>
            <tr>
              <th>Member</th>
              <th>Role</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <MemberRow key={member.userId} team={team.slug} member={member} isSelf={member.userId === user.id} passwords={passwords} />
            ))}
          </tbody>
        </table>
      </section>
      <section className="card" style={{ padding: 20 }}>
        <h2 style={{ marginTop: 0, fontSize: 17 }}>Invite someone</h2>
        <InviteForm team={team.slug} emailsInvites={mailEnabled()} />
        {invites.length > 0 && (
          <>
            <h3 style={{ fontSize: 15 }}>Open invites</h3>
            <ul>
              {invites.map((invite) => (
                <li key={invite.id}>
                  {invite.email} as {ROLE_LABELS[invite.role]}, expires <RelativeTime date={invite.expiresAt} />{" "}
                  <RevokeInviteButton team={team.slug} inviteId={invite.id} email={invite.email} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </main>
  );
}
