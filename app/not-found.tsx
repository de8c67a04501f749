import Link from "next/link";
import { StoredEditsOfMissingNote } from "@/components/editor/offline/StoredEditsOfMissingNote";
import { currentUser } from "@/lib/auth/session";

export default async function NotFound() {
  const user = await currentUser();
  return (
    <main className="card auth-card stack">
      <h1>Not found</h1>
      <p>This page does not exist, or you do not have access to it.</p>
      {user && <StoredEditsOfMissingNote userId={user.id} />}
      <Link href="/">Go to your notes</Link>
    </main>
  );
}
