import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { NameForm } from "@/components/account/NameForm";
import { PasswordForm } from "@/components/account/PasswordForm";
import { SessionTable } from "@/components/account/SessionTable";
import { listSessions } from "@/lib/auth/account-sessions";
import { NO_PASSWORDS, passwordSignIn } from "@/lib/auth/oidc-settings";
import { NO_PASSWORD_YET } from "@/lib/auth/password-change";
import { currentSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const session = await currentSession();
  if (!session) redirect("/signin?callbackUrl=%2Faccount");
  const { user, sessionId } = session;
  const sessions = await listSessions(user.id, sessionId);

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

      <section className="card padded" aria-labelledby="mail-heading">
        <h2 id="mail-heading">E-mail</h2>
        <p>
          <Link href="/account/notifications">E-mail notifications</Link>: which messages Dossier sends you, and how often.
        </p>
      </section>
    </main>
  );
}
