import { describe, expect, it } from "vitest";
import { createSession } from "@/lib/auth/sessions";
import { createEntity } from "@/lib/entities/queries";
import { actorInput } from "@/lib/entities/validation";
import { createNote, findNote } from "@/lib/notes/queries";
import { publishNote } from "@/lib/publishing/publish";
import { changeRole, removeMember } from "@/lib/teams/queries";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildTeam, paragraphs } from "@/lib/testing/factories";
import { readerHomeResponse } from "./reader-home";

useTestDatabase();
useCollabServer();

/**
 * The reader home keeps what it reads (reading-cache.ts) and draws a page
 * once per ETag: every change a reader could see must show at the next request.
 */

async function readersTeam() {
  const { team, owner } = await buildTeam();
  const reader = await buildMember(team.id, "reader");
  const session = { sid: await createSession({ userId: reader.id }), sub: reader.id };
  const publish = async (title: string) => {
    const note = await createNote({ teamId: team.id, userId: owner.id, title, kind: "brief", content: paragraphs(`${title}: the text.`) });
    await publishNote((await findNote(note.id))!, owner, "owner", { visibility: "team", summary: "", overrideApproval: true });
  };
  const home = async (query = "", headers: Record<string, string> = {}) => readerHomeResponse(new Request(`http://localhost/t/${team.slug}/briefs${query}`, { headers }), session, team.slug);
  return { team, owner, reader, publish, home };
}

describe("the reader home", () => {
  it("shows a brief published after it was last drawn, and a browser holding the old page gets the new one", async () => {
    const { publish, home } = await readersTeam();
    await publish("Council week");
    const first = (await home())!;
    const etag = first.headers.get("etag")!;
    expect(await first.text()).toContain("Council week");
    expect((await home("", { "if-none-match": etag }))!.status).toBe(304);

    await publish("Strait closure");
    const after = (await home("", { "if-none-match": etag }))!;
    expect(after.status).toBe(200);
    const html = await after.text();
    expect(html).toContain("Strait closure");
    expect(html).toContain("Council week");
  });

  it("offers a new actor in its filter at once", async () => {
    const { team, owner, publish, home } = await readersTeam();
    await publish("Council week");
    expect(await (await home())!.text()).not.toContain("Hormuz Authority");
    await createEntity(team.id, owner.id, { kind: "actor", ...actorInput.parse({ name: "Hormuz Authority" }) });
    expect(await (await home())!.text()).toContain("Hormuz Authority");
  });

  it("follows the reader's role, and is gone for them once they leave the team", async () => {
    const { team, owner, reader, publish, home } = await readersTeam();
    await publish("Council week");
    expect(await (await home())!.text()).toContain("· Reader");
    await changeRole(team.id, reader.id, "analyst", owner.id);
    expect(await (await home())!.text()).toContain("· Analyst");
    await removeMember(team.id, reader.id, owner.id);
    expect(await home()).toBeNull();
  });

  it("lists the briefs in the order the address asks for, each order its own page", async () => {
    const { publish, home } = await readersTeam();
    for (const title of ["Strait closure", "Council week", "Harbour strike"]) await publish(title);
    const titles = async (query: string) => [...(await (await home(query))!.text()).matchAll(/<h2><a [^>]*>([^<]+)<\/a><\/h2>/g)].map((match) => match[1]);
    expect(await titles("")).toEqual(["Harbour strike", "Council week", "Strait closure"]);
    expect(await titles("?dir=asc")).toEqual(["Strait closure", "Council week", "Harbour strike"]);
    expect(await titles("?sort=title")).toEqual(["Council week", "Harbour strike", "Strait closure"]);
    // What the address holds that the list does not offer falls back on newest first.
    expect(await titles("?sort=password&page=-3")).toEqual(["Harbour strike", "Council week", "Strait closure"]);
    const first = (await home("?sort=title"))!.headers.get("etag");
    expect(first).not.toBe((await home(""))!.headers.get("etag"));
  });
});
