import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ApiTokenTable, NewApiTokenForm } from "@/components/account/ApiTokens";
import { NameForm } from "@/components/account/NameForm";
import { PasswordForm } from "@/components/account/PasswordForm";
import { SessionTable } from "@/components/account/SessionTable";
import { listSessions } from "@/lib/auth/account-sessions";
import { NO_PASSWORDS, passwordSignIn } from "@/lib/auth/oidc-settings";
import { NO_PASSWORD_YET } from "@/lib/auth/password-change";
import { currentSession } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/api/tokens";
import { can } from "@/lib/policies";
import { teamsOfUser } from "@/lib/teams/queries";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const session = await currentSession();
  if (!session) redirect("/signin?callbackUrl=%2Faccount");
  const { user, sessionId } = session;
  const [sessions, memberships, tokens] = await Promise.all([listSessions(user.id, sessionId), teamsOfUser(user.id), listApiTokens(user.id)]);
  // A token may be made for a team whose policy lets the member manage their own.
  const tokenTeams = memberships
    .filter(({ team, role }) => can({ userId: user.id, teamId: team.id, role }, "apiToken.manage", { teamId: team.id, userId: user.id }))
    .map(({ team }) => ({ slug: team.slug, name: team.name }));
  const memberOf = new Set(memberships.map(({ team }) => team.id));

  return (
    <main className="page stack account">
      <div className="page-head">
        <h1>Your account</h1>
        <Link href="/">Back to your notes</Link>
      </div>

      <section className="card padded" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Name</h2>
        <p className="muted">
          Signed in as <strong>{user.email}</strong>. Your name is shown beside your edits, comments and reviews.
        </p>
        <NameForm name={user.name} />
      </section>

      <section className="card padded" aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        {!passwordSignIn() ? <p>{NO_PASSWORDS}</p> : user.passwordHash ? <PasswordForm email={user.email} /> : <p>{NO_PASSWORD_YET}</p>}
      </section>

      <section className="card padded" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Where you are signed in</h2>
        <SessionTable sessions={sessions} />
      </section>

      <section className="card padded stack" aria-labelledby="api-heading">
        <h2 id="api-heading">API tokens</h2>
        <p className="muted">
          A personal token lets a script or another tool use <Link href="/api/docs">Dossier&apos;s API</Link> as you, in one team, with your role there. A
          read token only reads; a read-and-write token may also create and change what your role allows.
        </p>
        {tokenTeams.length > 0 ? <NewApiTokenForm teams={tokenTeams} /> : <p>You are not a member of any team yet.</p>}
        <ApiTokenTable tokens={tokens.map((token) => ({ ...token, inactive: !memberOf.has(token.team.id) }))} />
      </section>

      <section className="card padded" aria-labelledby="mail-heading">
        <h2 id="mail-heading">E-mail</h2>
        <p>
          <Link href="/account/notifications">E-mail notifications</Link>: which messages Dossier sends you, and how often.
        </p>
      </section>
    </main>
  );
}
