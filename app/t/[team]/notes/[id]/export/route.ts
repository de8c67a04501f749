import { z } from "zod";
import { currentUser, teamSession } from "@/lib/auth/session";
import { currentBody } from "@/lib/collab/current-body";
import { findNote } from "@/lib/notes/queries";
import { can } from "@/lib/policies";
import { exportFormat, exportResponse } from "@/lib/publishing/export";
import { membershipBySlug } from "@/lib/teams/queries";

export const dynamic = "force-dynamic";

const text = (status: number, message: string) => new Response(`${message}\n`, { status, headers: { "Content-Type": "text/plain" } });

/** A note's current text as Markdown or HTML, for members who may read drafts. */
export async function GET(request: Request, { params }: { params: Promise<{ team: string; id: string }> }) {
  const { team: slug, id } = await params;
  const format = exportFormat(new URL(request.url).searchParams.get("format"));
  if (!format) return text(400, "Choose format=md or format=html.");
  const user = await currentUser();
  if (!user) return text(401, "Please sign in.");
  const membership = await membershipBySlug(user.id, slug);
  const note = z.uuid().safeParse(id).success ? await findNote(id) : undefined;
  if (!membership || !note || !can(teamSession(user, membership).actor, "note.read", note)) return text(404, "Not found.");
  return exportResponse(format, {
    title: note.title || "Untitled",
    subtitle: `${membership.team.name} · draft exported ${new Date().toISOString().slice(0, 10)}`,
    content: (await currentBody(note.id)).content,
  });
}
