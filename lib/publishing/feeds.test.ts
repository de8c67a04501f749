import { describe, expect, it } from "vitest";
import type { Team, User, Visibility } from "@/db/schema";
import { createEntity } from "@/lib/entities/queries";
import { actorInput, eventInput } from "@/lib/entities/validation";
import { createNote, findNote } from "@/lib/notes/queries";
import { removeMember } from "@/lib/teams/queries";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildTeam, mention, mentionDoc } from "@/lib/testing/factories";
import { serveFeed } from "./feed-route";
import { hasFeedToken, renewFeedToken, revokeFeedTokens } from "./feeds";
import { publishNote } from "./publish";

useTestDatabase();
// Publishing tells the note's open editors through the running collaboration server.
useCollabServer();

const actor = (teamId: string, userId: string, name: string) => createEntity(teamId, userId, { kind: "actor", ...actorInput.parse({ name }) });
const event = (teamId: string, userId: string, name: string) => createEntity(teamId, userId, { kind: "event", ...eventInput.parse({ name }) });

/** Writes and publishes a brief (an owner, without review), as `visibility`. */
async function publishBrief(team: Team, owner: User, title: string, visibility: Visibility, blocks: Parameters<typeof mentionDoc>, summary = "") {
  const note = await createNote({ teamId: team.id, userId: owner.id, title, content: mentionDoc(...blocks) });
  return publishNote((await findNote(note.id))!, owner, "owner", { visibility, summary, overrideApproval: true });
}

type Scope = Parameters<typeof serveFeed>[2];

/** The handling banner an entry's text opens and closes with, for a brief marked TLP:CLEAR. */
const clearBanner = (at: "top" | "bottom") =>
  `<p class="tlp-banner ${at}" data-marking="clear"><strong class="tlp-badge" data-marking="clear">TLP:CLEAR</strong> No limit on disclosure</p>`;

/** Asks for a feed as a feed reader does: GET with the token in the query string. */
function fetchFeed(slug: string, scope: Scope, token?: string) {
  const path = scope.kind === "entity" ? `entities/${scope.id}` : scope.kind;
  const query = token === undefined ? "" : `?token=${encodeURIComponent(token)}`;
  return serveFeed(new Request(`http://localhost/feeds/${slug}/${path}${query}`), slug, scope);
}

const decodeEntities = (text: string) =>
  text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/** An element's text as an XML parser reads it (CDATA as it is, otherwise entities decoded). */
function xmlText(entry: string, element: string): { type: string | undefined; value: string } | undefined {
  const found = new RegExp(`<${element}(?: type="(\\w+)")?>([\\s\\S]*?)</${element}>`).exec(entry);
  if (!found) return undefined;
  const raw = found[2];
  return { type: found[1], value: raw.startsWith("<![CDATA[") ? raw.slice("<![CDATA[".length, -"]]>".length) : decodeEntities(raw) };
}

/** What a feed reader shows of a text construct: an html one is markup, so its tags are rendered, not shown. */
function shown(entry: string, element: string): string | undefined {
  const text = xmlText(entry, element);
  if (!text) return undefined;
  return text.type === "html" ? decodeEntities(text.value.replace(/<[^>]*>/g, "")) : text.value;
}

/** The feed's entries, as a reader shows them, in the feed's order. */
async function entriesOf(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
  const xml = await response.text();
  expect(xml).toMatch(/^<\?xml [^>]*\?>\s*<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
  return [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map(([, entry]) => ({
    title: shown(entry, "title"),
    summary: shown(entry, "summary"),
    contentHtml: xmlText(entry, "content")?.value ?? "",
    link: /<link href="([^"]*)"\/>/.exec(entry)?.[1],
  }));
}

const titlesOf = async (response: Response) => (await entriesOf(response)).map((entry) => entry.title);

async function teamWithBriefs() {
  const { team, owner } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const reader = await buildMember(team.id, "reader");
  const iran = await actor(team.id, owner.id, "Iran");
  const talks = await event(team.id, owner.id, "Vienna talks");
  const publicOnIran = await publishBrief(team, owner, "Public: Iran", "public", [["What ", mention(iran), " said."]]);
  const teamOnTalks = await publishBrief(team, owner, "Team: the talks", "team", [["Inside ", mention(talks), "."]]);
  const teamOnIran = await publishBrief(team, owner, "Team: Iran at the talks", "team", [[mention(iran), " at ", mention(talks), "."]]);
  return { team, owner, analyst, reader, iran, talks, publicOnIran, teamOnTalks, teamOnIran };
}

describe("the team feed", () => {
  it("needs a valid personal token", async () => {
    const { team, analyst } = await teamWithBriefs();
    const elsewhere = await buildTeam();
    const otherTeamsToken = await renewFeedToken(elsewhere.owner.id, elsewhere.team.id);

    for (const token of [undefined, "", "not-a-token", otherTeamsToken, "x".repeat(200)]) {
      const response = await fetchFeed(team.slug, { kind: "team" }, token);
      expect(response.status).toBe(401);
      expect(await response.text()).toBe("A valid feed token is needed for this feed.\n");
    }

    const token = await renewFeedToken(analyst.id, team.id);
    expect(await titlesOf(await fetchFeed(team.slug, { kind: "team" }, token))).toEqual(["Team: Iran at the talks", "Team: the talks", "Public: Iran"]);
  });

  it("lists every brief of the team, newest first, with links to them and to what they mention", async () => {
    const { team, reader, iran, publicOnIran } = await teamWithBriefs();
    // Readers read published briefs: the feed is theirs too.
    const token = await renewFeedToken(reader.id, team.id);
    const entries = await entriesOf(await fetchFeed(team.slug, { kind: "team" }, token));
    expect(entries.map((entry) => entry.title)).toEqual(["Team: Iran at the talks", "Team: the talks", "Public: Iran"]);
    const last = entries[2];
    expect(last.link).toBe(`http://localhost/b/${team.slug}/${publicOnIran.noteId}/1`);
    expect(last.summary).toBe("What Iran said.");
    expect(last.contentHtml).toBe(
      `${clearBanner("top")}<p>What <a class="mention mention-actor" href="http://localhost/t/${team.slug}/actors/${iran.id}">Iran</a> said.</p>${clearBanner("bottom")}`,
    );
  });

  it("lists a brief once, as its latest edition, named as such", async () => {
    const { team, owner, analyst, teamOnTalks } = await teamWithBriefs();
    const second = await publishNote((await findNote(teamOnTalks.noteId))!, owner, "owner", { visibility: "team", summary: "", overrideApproval: true });
    const token = await renewFeedToken(analyst.id, team.id);
    const entries = await entriesOf(await fetchFeed(team.slug, { kind: "team" }, token));
    expect(entries.map((entry) => [entry.title, entry.link])).toEqual([
      ["Team: the talks (edition 2)", `http://localhost/b/${team.slug}/${second.noteId}/2`],
      ["Team: Iran at the talks", expect.stringMatching(/\/1$/)],
      ["Public: Iran", expect.stringMatching(/\/1$/)],
    ]);
  });

  it("stops opening with a token renewed or revoked", async () => {
    const { team, analyst } = await teamWithBriefs();
    const first = await renewFeedToken(analyst.id, team.id);
    expect((await fetchFeed(team.slug, { kind: "team" }, first)).status).toBe(200);

    const second = await renewFeedToken(analyst.id, team.id);
    expect(second).not.toBe(first);
    expect((await fetchFeed(team.slug, { kind: "team" }, first)).status).toBe(401);
    expect((await fetchFeed(team.slug, { kind: "team" }, second)).status).toBe(200);
    expect(await hasFeedToken(analyst.id, team.id)).toBe(true);

    await revokeFeedTokens(analyst.id, team.id);
    expect((await fetchFeed(team.slug, { kind: "team" }, second)).status).toBe(401);
    expect(await hasFeedToken(analyst.id, team.id)).toBe(false);
  });

  it("stops opening for someone removed from the team", async () => {
    const { team, owner, analyst, iran } = await teamWithBriefs();
    const token = await renewFeedToken(analyst.id, team.id);
    expect((await fetchFeed(team.slug, { kind: "team" }, token)).status).toBe(200);

    await removeMember(team.id, analyst.id, owner.id);
    expect((await fetchFeed(team.slug, { kind: "team" }, token)).status).toBe(401);
    // Their token no longer opens an entity feed either.
    expect((await fetchFeed(team.slug, { kind: "entity", id: iran.id }, token)).status).toBe(404);
  });

  it("shows titles and summaries as written, never as markup", async () => {
    const { team, owner, analyst } = await teamWithBriefs();
    const title = `Sanctions <img src=x onerror=alert(1)> & "more"`;
    const summary = "Iran <b>may</b> & may not <script>alert(1)</script>";
    await publishBrief(team, owner, title, "team", [["Plain text."]], summary);
    const token = await renewFeedToken(analyst.id, team.id);

    const [entry] = await entriesOf(await fetchFeed(team.slug, { kind: "team" }, token));
    expect(entry.title).toBe(title);
    expect(entry.summary).toBe(summary);
  });
});

describe("the public feed", () => {
  it("lists public briefs only, with or without a token, and links no mentions", async () => {
    const { team, analyst } = await teamWithBriefs();
    const token = await renewFeedToken(analyst.id, team.id);
    for (const query of [undefined, token]) {
      const entries = await entriesOf(await fetchFeed(team.slug, { kind: "public" }, query));
      expect(entries.map((entry) => entry.title)).toEqual(["Public: Iran"]);
      expect(entries[0].contentHtml).toBe(`${clearBanner("top")}<p>What <span class="mention mention-actor">Iran</span> said.</p>${clearBanner("bottom")}`);
    }
  });

  it("is not found for a team that does not exist", async () => {
    expect((await fetchFeed("no-such-team", { kind: "public" })).status).toBe(404);
  });
});

describe("an actor's or event's feed", () => {
  it("lists the team's briefs that mention it, for a member's token", async () => {
    const { team, analyst, iran, talks } = await teamWithBriefs();
    const token = await renewFeedToken(analyst.id, team.id);

    const response = await fetchFeed(team.slug, { kind: "entity", id: iran.id }, token);
    expect(await response.clone().text()).toContain(`<title>${team.name}: briefs about Iran</title>`);
    expect(await titlesOf(response)).toEqual(["Team: Iran at the talks", "Public: Iran"]);
    expect(await titlesOf(await fetchFeed(team.slug, { kind: "entity", id: talks.id }, token))).toEqual(["Team: Iran at the talks", "Team: the talks"]);
  });

  it("without a valid token, answers as for an entity that does not exist, naming nothing", async () => {
    const { team, iran } = await teamWithBriefs();
    const elsewhere = await buildTeam();
    const otherTeamsToken = await renewFeedToken(elsewhere.owner.id, elsewhere.team.id);
    const missing = await fetchFeed(team.slug, { kind: "entity", id: crypto.randomUUID() });
    expect(missing.status).toBe(404);
    const missingBody = await missing.text();

    for (const token of [undefined, "", "not-a-token", otherTeamsToken, "x".repeat(200)]) {
      const response = await fetchFeed(team.slug, { kind: "entity", id: iran.id }, token);
      expect(response.status).toBe(404);
      const body = await response.text();
      expect(body).toBe(missingBody);
      expect(body).not.toContain("Iran");
    }
  });

  it("is not found for another team's entity, or an id that is not one", async () => {
    const { team, analyst } = await teamWithBriefs();
    const elsewhere = await buildTeam();
    const theirs = await actor(elsewhere.team.id, elsewhere.owner.id, "Iran");
    await publishBrief(elsewhere.team, elsewhere.owner, "Their public brief", "public", [["On ", mention(theirs), "."]]);
    const token = await renewFeedToken(analyst.id, team.id);

    for (const query of [undefined, token]) {
      expect((await fetchFeed(team.slug, { kind: "entity", id: theirs.id }, query)).status).toBe(404);
      expect((await fetchFeed(team.slug, { kind: "entity", id: "not-a-uuid" }, query)).status).toBe(404);
    }
    // In its own team's feed, with its own team's token, it is found.
    const theirToken = await renewFeedToken(elsewhere.owner.id, elsewhere.team.id);
    expect(await titlesOf(await fetchFeed(elsewhere.team.slug, { kind: "entity", id: theirs.id }, theirToken))).toEqual(["Their public brief"]);
  });
});
