import { refusedDownload } from "@/lib/refused-download";
import { editionDocument, exportFormat, exportResponse } from "@/lib/publishing/export";
import { readEdition } from "@/lib/publishing/access";

export const dynamic = "force-dynamic";

/** An edition as Markdown or HTML, with its endnotes and its readers' notices, to whoever may read it (the edition policy, as on its page). */
export async function GET(request: Request, { params }: { params: Promise<{ team: string; noteId: string; edition: string }> }) {
  const { team: slug, noteId, edition: number } = await params;
  const format = exportFormat(new URL(request.url).searchParams.get("format"));
  if (!format) return refusedDownload(request, 400, "Choose format=md or format=html.");
  const opening = await readEdition(slug, noteId, number);
  if (!opening.opened) return opening.why === "sign-in" ? refusedDownload(request, 401, "Please sign in.") : refusedDownload(request, 404, "Not found.");
  return exportResponse(format, await editionDocument(opening.edition, opening.team));
}
