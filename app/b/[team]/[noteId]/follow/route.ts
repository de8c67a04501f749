import { followBriefFromForm } from "@/lib/reading/follow-form";

export const dynamic = "force-dynamic";

/** The reading view's Follow form (it works with no script): follows or stops following, then back to the brief. */
export async function POST(request: Request, { params }: { params: Promise<{ team: string; noteId: string }> }) {
  const { team, noteId } = await params;
  return followBriefFromForm(request, team, noteId);
}
