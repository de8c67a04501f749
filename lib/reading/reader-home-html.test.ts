import { describe, expect, it } from "vitest";
import { readListView } from "@/lib/lists/list-view";
import { BRIEF_SORTS } from "@/lib/publishing/brief-sorts";
import { readerHomeHtml, type ListedBrief, type ReaderHome } from "./reader-home-html";

const brief = (overrides: Partial<ListedBrief> = {}): ListedBrief => ({
  noteId: "0b0b0b0b-0000-4000-8000-000000000001",
  title: "Banks halt transfers",
  dateline: "2 December 2026",
  number: 1,
  visibility: "team",
  marking: "amber",
  summary: null,
  text: "Banks in Beijing halted transfers.",
  entities: [],
  ...overrides,
});

const home = (briefs: ListedBrief[], overrides: Partial<ReaderHome> = {}): ReaderHome => ({
  team: { slug: "desk", name: "Desk" },
  briefs,
  total: briefs.length,
  view: readListView({}, BRIEF_SORTS, "published", 30),
  options: [[], []],
  tags: [],
  chosen: {},
  linkEntities: true,
  ...overrides,
});

const actors = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `0a0a0a0a-0000-4000-8000-00000000000${i}`, kind: "actor" as const, name: `Actor ${i + 1}` }));

describe("the reader home's HTML", () => {
  it("lists a brief with its marking, its link and the first four actors and events it covers", () => {
    const html = readerHomeHtml(home([brief({ entities: actors(6) })]));
    expect(html).toContain('<ol class="briefs" aria-label="Published briefs">');
    expect(html).toContain(">TLP:AMBER</span>");
    expect(html).toContain('<a href="/b/desk/0b0b0b0b-0000-4000-8000-000000000001">Banks halt transfers</a>');
    expect(html.match(/class="mention /g)).toHaveLength(4);
    expect(html).toContain("Actor 4</a>");
    expect(html).not.toContain("Actor 5");
    expect(html).toContain("+2 more");
  });

  it("names the actors without links for a reader who may not open their pages", () => {
    const html = readerHomeHtml(home([brief({ entities: actors(1) })], { linkEntities: false }));
    expect(html).toContain('<span class="mention mention-actor">Actor 1</span>');
    expect(html).not.toContain("/t/desk/actors/");
  });

  it("escapes every text a writer chose", () => {
    const html = readerHomeHtml(home([brief({ title: "<script>alert(1)</script>", summary: '"><img src=x onerror=alert(1)>' })]));
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });

  it("says there is nothing yet, or nothing matching the filters", () => {
    expect(readerHomeHtml(home([]))).toContain("Nothing has been published yet.");
    expect(readerHomeHtml(home([], { chosen: { tag: "sanctions" } }))).toContain("No published brief matches these filters.");
    // What to do about it: a way back to every brief, and no such link when there is none to show.
    expect(readerHomeHtml(home([], { chosen: { tag: "sanctions" } }))).toMatch(/<a href="\/t\/[^"?]+\/briefs">Show every brief<\/a>/);
    expect(readerHomeHtml(home([]))).not.toContain("Show every brief");
  });

  it("offers its orders and pages as links that keep the filters, and the filter form keeps the order", () => {
    const many = Array.from({ length: 30 }, (_, i) => brief({ noteId: `0b0b0b0b-0000-4000-8000-0000000000${String(i).padStart(2, "0")}` }));
    const html = readerHomeHtml(home(many, { total: 75, chosen: { tag: "a&b" }, view: readListView({ sort: "title", page: "2" }, BRIEF_SORTS, "published", 30) }));
    expect(html).toContain('<a href="/t/desk/briefs?tag=a%26b">Newest first</a>');
    expect(html).toContain('<a href="/t/desk/briefs?tag=a%26b&amp;dir=asc">Oldest first</a>');
    expect(html).toContain('<a href="/t/desk/briefs?tag=a%26b&amp;sort=title" aria-current="page">Title A–Z</a>');
    expect(html).toContain('<span role="status">Showing 31–60 of 75 briefs</span>');
    expect(html).toContain('<a href="/t/desk/briefs?tag=a%26b&amp;sort=title" rel="prev">Previous page</a>');
    expect(html).toContain('<a href="/t/desk/briefs?tag=a%26b&amp;sort=title&amp;page=3" rel="next">Next page</a>');
    expect(html).toContain('<input type="hidden" name="sort" value="title">');
    expect(html).not.toContain('name="dir"');
  });

  it("has no pager nor order for a single brief", () => {
    const html = readerHomeHtml(home([brief()]));
    expect(html).not.toContain("Pages of briefs");
    expect(html).not.toContain("Order of the briefs");
  });
});
