"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { teamAction, type ActionResult } from "@/lib/action";
import { IMPORT_LIMITS, importPosts } from "@/lib/publishing/import";

const importFiles = teamAction(
  z.object({ team: z.string(), files: z.array(z.instanceof(File)).max(IMPORT_LIMITS.files, `At most ${IMPORT_LIMITS.files} files at a time.`) }),
  "team.edit",
  async (input, { user, team }) => {
    const files = await Promise.all(
      input.files.filter((file) => file.size > 0 || file.name).map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
    );
    const notes = await importPosts(team.id, user.id, files);
    return { slug: team.slug, ids: notes.map((note) => note.id) };
  },
);

/** Imports Markdown files as drafts, all or none, then shows the notes list, which links to each. */
export async function importAction(_state: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  const result = await importFiles({ team: form.get("team"), files: form.getAll("files").filter((f) => f instanceof File && f.size > 0) });
  if (result.ok) redirect(`/t/${result.data.slug}?imported=${result.data.ids.join(",")}`);
  return result;
}
