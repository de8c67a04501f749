import { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { exportFormat, exportResponse } from "@/lib/publishing/export";
import { findEdition } from "@/lib/publishing/queries";
import { membershipBySlug } from "@/lib/teams/queries";

export const dynamic = "force-dynamic";

const text = (status: number, message: string) => new Response(`${message}\n`, { status, headers: { "Content-Type": "text/plain" } });

/** An edition as Markdown or HTML, to whoever may read it. */
export async function GET(request: Request, { params }: { params: Promise<{ team: string; noteId: string; edition: string }> }) {
  const { team: slug, noteId, edition: number } = await params;
  const format = exportFormat(new URL(request.url).searchParams.get("format"));
  if (!format) return text(400, "Choose format=md or format=html.");
  if (!z.uuid().safeParse(noteId).success || !/^\d{1,6}$/.test(number)) return text(404, "Not found.");
  let found;
  try {
    found = await findEdition(slug, noteId, Number(number));
  } catch (error) {
    if (error instanceof AppError) return text(404, "Not found.");
    throw error;
  }
  if (found.edition.visibility !== "public") {
    const user = await currentUser();
    if (!user) return text(401, "Please sign in.");
    if (!(await membershipBySlug(user.id, slug))) return text(404, "Not found.");
  }
  const { edition, team } = found;
  return exportResponse(format, { title: edition.title, subtitle: `${team.name} · ${edition.dateline} · edition ${edition.number}`, content: edition.content });
}
