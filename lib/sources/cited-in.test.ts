import { describe, expect, it } from "vitest";
import { createNote, findNote } from "@/lib/notes/queries";
import { publishNote } from "@/lib/publishing/publish";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildSource, buildTeam, citation, mentionDoc } from "@/lib/testing/factories";
import { editionsCiting, notesCiting } from "./cited-in";
import { regradeSource } from "./register";
import { listSources } from "./register-queries";

useTestDatabase();
// Publishing tells open editors through the running collaboration server.
useCollabServer();

describe("where a source is cited", () => {
  it("lists the drafts citing it with the sentence, and the editions as they froze it; never another team's", async () => {
    const { team, owner } = await buildTeam();
    const other = await buildTeam();
    const wire = await buildSource(team.id, owner.id, { title: "Wire report", reliability: "B" });
    const draft = await createNote({
      teamId: team.id,
      userId: owner.id,
      title: "Convoy draft",
      content: mentionDoc(["Fuel ran short.", citation(wire.id, { credibility: "3", locator: "para. 2" }), " The convoy turned back.", citation(wire.id, { credibility: "2" })]),
    });
    const brief = await createNote({ teamId: team.id, userId: owner.id, title: "Convoy brief", kind: "brief", content: mentionDoc(["The border closed.", citation(wire.id, { credibility: "1" })]) });
    await publishNote((await findNote(brief.id))!, owner, "owner", { visibility: "team", summary: "", overrideApproval: true });
    // Another team's note naming our source: its citation is dropped when derived, so it can never be listed.
    await createNote({ teamId: other.team.id, userId: other.owner.id, title: "Their note", content: mentionDoc(["Stolen claim.", citation(wire.id)]) });
    await regradeSource(team.id, owner.id, wire.id, { reliability: "D", reason: "Corrections." });

    expect((await notesCiting(team.id, wire.id)).map(({ noteId, title, sentence, credibility, locator }) => ({ noteId, title, sentence, credibility, locator }))).toEqual([
      { noteId: brief.id, title: "Convoy brief", sentence: "The border closed.", credibility: "1", locator: "" },
      { noteId: draft.id, title: "Convoy draft", sentence: "Fuel ran short.", credibility: "3", locator: "para. 2" },
      { noteId: draft.id, title: "Convoy draft", sentence: "The convoy turned back.", credibility: "2", locator: "" },
    ]);
    expect((await editionsCiting(team.id, wire.id)).map(({ noteId, title, number, sentence, reliability }) => ({ noteId, title, number, sentence, reliability }))).toEqual([
      { noteId: brief.id, title: "Convoy brief", number: 1, sentence: "The border closed.", reliability: "B" },
    ]);
    expect(await notesCiting(other.team.id, wire.id)).toEqual([]);
    expect(await editionsCiting(other.team.id, wire.id)).toEqual([]);
    const [listed] = await listSources(team.id);
    expect({ notes: listed.noteCitations, editions: listed.editionCitations }).toEqual({ notes: 3, editions: 1 });
  });
});
