import { describe, expect, it } from "vitest";
import type { Team, User, Visibility } from "@/db/schema";
import { createNote, findNote } from "@/lib/notes/queries";
import { regradeSource } from "@/lib/sources/register";
import { retractSource } from "@/lib/sources/retraction";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildSource, buildTeam, citation, mentionDoc } from "@/lib/testing/factories";
import { serveFeed } from "./feed-route";
import { renewFeedToken } from "./feeds";
import { publishNote } from "./publish";

useTestDatabase();
// Publishing tells the note's open editors through the running collaboration server.
useCollabServer();

async function publishCiting(team: Team, owner: User, title: string, visibility: Visibility, sourceId: string) {
  const note = await createNote({ teamId: team.id, userId: owner.id, title, content: mentionDoc(["The convoy turned back.", citation(sourceId)]) });
  return publishNote((await findNote(note.id))!, owner, "owner", { visibility, summary: "", overrideApproval: true });
}

const decode = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/** The feed's entries as a feed reader shows them: title, summary and link. */
async function entries(slug: string, scope: "team" | "public", token?: string) {
  const response = await serveFeed(new Request(`http://localhost/feeds/${slug}/${scope}${token ? `?token=${token}` : ""}`), slug, { kind: scope });
  expect(response.status).toBe(200);
  const xml = await response.text();
  const text = (entry: string, element: string) => {
    const raw = new RegExp(`<${element}(?: type="html")?>([\\s\\S]*?)</${element}>`).exec(entry)?.[1] ?? "";
    const value = raw.startsWith("<![CDATA[") ? raw.slice(9, -3) : raw;
    return decode(decode(value));
  };
  return { xml, entries: [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map(([, entry]) => ({ title: text(entry, "title"), summary: text(entry, "summary"), link: /<link href="([^"]*)"\/>/.exec(entry)?.[1] })) };
}

describe("the team's feed, when a cited source is put in question", () => {
  it("carries an entry for a source withdrawn or downgraded from a brief the reader may read, naming the brief and not the source of a draft", async () => {
    const { team, owner } = await buildTeam();
    const reader = await buildMember(team.id, "reader");
    const wire = await buildSource(team.id, owner.id, { title: "Wire report", reliability: "B" });
    const informant = await buildSource(team.id, owner.id, { title: "Informant Kestrel", reliability: "C" });
    const convoy = await publishCiting(team, owner, "Convoy", "team", wire.id);
    // Cited only in a draft: its withdrawal is the team's working business, not the feed's.
    await createNote({ teamId: team.id, userId: owner.id, title: "Kestrel's account", content: mentionDoc(["Shots were fired.", citation(informant.id)]) });

    await retractSource(team.id, owner.id, wire.id, "Reuters withdrew the story.");
    await retractSource(team.id, owner.id, informant.id, "Kestrel was turned.");
    const token = await renewFeedToken(reader.id, team.id);
    const feed = await entries(team.slug, "team", token);

    expect(feed.entries[0]).toEqual({
      title: "A source cited in “Convoy” was withdrawn",
      summary: "The source of endnote 1 (Wire report) was withdrawn. The brief's text is as it was published; weigh what rests on it accordingly.",
      link: `http://localhost/b/${team.slug}/${convoy.noteId}/1`,
    });
    expect(feed.entries.map((entry) => entry.title)).toEqual(["A source cited in “Convoy” was withdrawn", "Convoy"]);
    expect(feed.xml).not.toContain("Kestrel");
    // The register's reason is not the feed's to tell.
    expect(feed.xml).not.toContain("Reuters withdrew");

    await regradeSource(team.id, owner.id, wire.id, { reliability: "E", reason: "Unreliable since." });
    expect((await entries(team.slug, "team", token)).entries[0].title).toBe("A source cited in “Convoy” was downgraded from B to E");
  });

  it("tells the public of a public brief only, and tells of nothing before the edition it concerns was published", async () => {
    const { team, owner } = await buildTeam();
    const wire = await buildSource(team.id, owner.id, { title: "Wire report" });
    const early = await buildSource(team.id, owner.id, { title: "Early memo" });
    await retractSource(team.id, owner.id, early.id, "Withdrawn before anyone published on it.");
    await publishCiting(team, owner, "Public brief", "public", wire.id);
    await publishCiting(team, owner, "Team brief", "team", wire.id);
    await publishCiting(team, owner, "Brief on the memo", "team", early.id);
    await retractSource(team.id, owner.id, wire.id, "Withdrawn.");

    expect((await entries(team.slug, "public")).entries.map((entry) => entry.title)).toEqual(["A source cited in “Public brief” was withdrawn", "Public brief"]);
    const teamFeed = await entries(team.slug, "team", await renewFeedToken(owner.id, team.id));
    expect(teamFeed.entries.map((entry) => entry.title).filter((title) => title?.startsWith("A source"))).toEqual(
      expect.arrayContaining(["A source cited in “Public brief” was withdrawn", "A source cited in “Team brief” was withdrawn"]),
    );
    expect(teamFeed.xml).not.toContain("A source cited in “Brief on the memo”");
  });
});
