import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ImportForm } from "@/components/notes/ImportForm";
import { can } from "@/lib/auth/policy";
import { requireTeam } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { team, role } = await requireTeam(slug);
  if (!can.editNotes(role)) notFound();
  return (
    <main className="page stack">
      <div className="page-head">
        <h1>Import Markdown</h1>
      </div>
      <section className="card padded">
        <ImportForm team={team.slug} />
      </section>
    </main>
  );
}
