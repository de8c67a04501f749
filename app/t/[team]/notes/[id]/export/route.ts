import { refusedDownload } from "@/lib/refused-download";
import { z } from "zod";
import { currentUser, teamSession } from "@/lib/auth/session";
import { currentBody } from "@/lib/collab/current-body";
import { findNote } from "@/lib/notes/queries";
import { can } from "@/lib/policies";
import { exportFormat, exportResponse } from "@/lib/publishing/export";
import { draftTextForExport, exportedSuggestions } from "@/lib/publishing/draft-suggestions";
import { draftEndnotes } from "@/lib/sources/edition-citations";
import { membershipBySlug } from "@/lib/teams/queries";
import { bannerMarking } from "@/lib/editor/portion-marks";
import { tradecraftOf } from "@/lib/teams/tradecraft";

export const dynamic = "force-dynamic";

/**
 * A note's current text as Markdown or HTML, with its citations' endnotes, for
 * members who may read drafts. Open suggestions are left out (the text as it
 * stands before them) unless `suggestions=accept` asks for all of them taken in.
 */
export async function GET(request: Request, { params }: { params: Promise<{ team: string; id: string }> }) {
  const { team: slug, id } = await params;
  const query = new URL(request.url).searchParams;
  const format = exportFormat(query.get("format"));
  if (!format) return refusedDownload(request, 400, "Choose format=md or format=html.");
  const suggestions = exportedSuggestions(query.get("suggestions"));
  if (!suggestions) return refusedDownload(request, 400, "Choose suggestions=reject (the text before any suggestion) or suggestions=accept.");
  const user = await currentUser();
  if (!user) return refusedDownload(request, 401, "Please sign in.");
  const membership = await membershipBySlug(user.id, slug);
  const note = z.uuid().safeParse(id).success ? await findNote(id) : undefined;
  if (!membership || !note || !can(teamSession(user, membership).actor, "note.read", note)) return refusedDownload(request, 404, "Not found.");
  const content = draftTextForExport((await currentBody(note.id)).content, suggestions);
  return exportResponse(format, {
    title: note.title || "Untitled",
    subtitle: `${membership.team.name} · draft exported ${new Date().toISOString().slice(0, 10)}`,
    content,
    // The citations with their sources as they stand today: a draft's endnotes are not frozen.
    endnotes: await draftEndnotes(note.teamId, content),
    what: "note",
    // A draft's banner is read from its body as it is now, like the banner of the edition it would become.
    marking: bannerMarking(note.marking, content),
    likelihoodScale: tradecraftOf(membership.team).scale,
  });
}
