import Link from "next/link";

export default function NotFound() {
  return (
    <main className="card auth-card stack">
      <h1>Not found</h1>
      <p>This page does not exist, or you do not have access to it.</p>
      <Link href="/">Go to your notes</Link>
    </main>
  );
}
