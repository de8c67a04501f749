import { describe, expect, it } from "vitest";
import type { DocMark, DocNode } from "@/lib/editor/document";
import { deriveBody, yDocFromContent } from "@/lib/editor/derive";
import { findNote, listNotes } from "@/lib/notes/queries";
import { useTestDatabase } from "@/lib/testing/database";
import { rejectionOf } from "@/lib/testing/errors";
import { buildNote, buildTeam } from "@/lib/testing/factories";
import { exportResponse } from "./export";
import { importPosts, readText } from "./import";
import { parsePost } from "./post";
import { markdownManager } from "./markdown";

useTestDatabase();

const text = (value: string, ...marks: DocMark[]): DocNode => ({ type: "text", text: value, ...(marks.length ? { marks } : {}) });
const paragraph = (...content: DocNode[]): DocNode => ({ type: "paragraph", content });
const heading = (level: number, value: string): DocNode => ({ type: "heading", attrs: { level }, content: [text(value)] });
const item = (value: string): DocNode => ({ type: "listItem", content: [paragraph(text(value))] });
const cell = (type: "tableHeader" | "tableCell", value: string): DocNode => ({ type, content: [paragraph(text(value))] });
const doc = (...content: DocNode[]): DocNode => ({ type: "doc", content });

/** The document as the editor stores it: normalised through the schema (default attributes filled in, empty marks gone). */
const normalised = (content: DocNode) => deriveBody(yDocFromContent(content)).content;

/** Every text of the document, in order. */
function textsOf(node: DocNode): string[] {
  return node.type === "text" ? [node.text ?? ""] : (node.content ?? []).flatMap(textsOf);
}

/** Every link address of the document. */
function linksOf(node: DocNode): string[] {
  const own = (node.marks ?? []).filter((mark) => mark.type === "link").map((mark) => String(mark.attrs?.href));
  return [...own, ...(node.content ?? []).flatMap(linksOf)];
}

const utf8 = (value: string) => new TextEncoder().encode(value);

const brief = doc(
  paragraph(text("Plain, "), text("bold", { type: "bold" }), text(", "), text("italic", { type: "italic" }), text(" and a "), text("source", { type: "link", attrs: { href: "https://example.org/report?id=7" } }), text(".")),
  heading(1, "Background"),
  paragraph(text("Since 2006.")),
  heading(2, "Parties"),
  { type: "bulletList", content: [item("Iran"), item("The E3")] },
  heading(3, "Sequence"),
  { type: "orderedList", attrs: { start: 1 }, content: [item("Talks"), item("Deal"), item("Withdrawal")] },
  { type: "blockquote", content: [paragraph(text("We will not give up our rights."))] },
  {
    type: "table",
    content: [
      { type: "tableRow", content: [cell("tableHeader", "Actor"), cell("tableHeader", "Role")] },
      { type: "tableRow", content: [cell("tableCell", "Iran"), cell("tableCell", "party")] },
      { type: "tableRow", content: [cell("tableCell", "IAEA"), cell("tableCell", "inspector")] },
    ],
  },
);

describe("Markdown both ways", () => {
  it("keeps headings, emphasis, links, lists, quotes and tables through a round trip", () => {
    const markdown = markdownManager().serialize(brief);
    expect(markdown).toContain("# Background");
    expect(markdown).toContain("**bold**");
    expect(markdown).toContain("[source](https://example.org/report?id=7)");
    expect(markdown).toContain("| Iran");

    expect(normalised(markdownManager().parse(markdown) as DocNode)).toEqual(normalised(brief));
  });

  it("imports an exported brief as the same document, its first heading as the title and its banner as its marking", async () => {
    const response = exportResponse("md", { title: "Iran talks", subtitle: "Desk · 20 December 2006 · edition 1", content: brief, endnotes: [], what: "brief", marking: "amber" });
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="Iran-talks.md"');
    const post = parsePost("Iran-talks.md", await response.text());
    expect(post.title).toBe("Iran talks");
    expect(post.date).toBeNull();
    expect(post.marking).toBe("amber");
    // The export's subtitle line comes back as the first paragraph, in italics.
    expect(normalised(post.content)).toEqual(normalised(doc(paragraph(text("Desk · 20 December 2006 · edition 1", { type: "italic" })), ...(brief.content ?? []))));
  });

  it("exports a standalone HTML page with the title and text escaped", async () => {
    const title = "Iran <script>alert(1)</script>";
    const response = exportResponse("html", { title, subtitle: "Desk", content: doc(paragraph(text("<img src=x onerror=alert(1)>"))), endnotes: [], what: "brief", marking: "clear" });
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="Iran-scriptalert1script.html"');
    const html = await response.text();
    expect(html).toContain("<title>Iran &lt;script&gt;alert(1)&lt;/script&gt;</title>");
    expect(html).toContain("<h1>Iran &lt;script&gt;alert(1)&lt;/script&gt;</h1>");
    expect(html).toContain("<p>&lt;img src=x onerror=alert(1)&gt;</p>");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
  });
});

describe("reading a Markdown post", () => {
  it("takes the first heading as the title and a date line as the date", () => {
    const post = parsePost("post.md", "# Snow in Tehran\n\nDecember 20, 2006\n\nThe city closed its schools.\n");
    expect(post.title).toBe("Snow in Tehran");
    expect(post.date?.toISOString()).toBe("2006-12-20T12:00:00.000Z");
    expect(textsOf(post.content)).toEqual(["The city closed its schools."]);
  });

  it("reads title and date from front matter, and then keeps a first heading in the body", () => {
    const post = parsePost("post.md", '---\ntitle: "Vienna: the last round"\ndate: 2015-07-14\n---\n# Opening\n\nAgreed at last.\n');
    expect(post.title).toBe("Vienna: the last round");
    expect(post.date?.toISOString()).toBe("2015-07-14T12:00:00.000Z");
    expect(normalised(post.content)).toEqual(normalised(doc(heading(1, "Opening"), paragraph(text("Agreed at last.")))));
  });

  it("names a post without a heading after its file, and leaves a date further down in the text", () => {
    const post = parsePost(
      "notes-from-geneva.md",
      "One.\n\nTwo.\n\nThree.\n\nFour.\n\nDecember 20, 2006\n",
    );
    expect(post.title).toBe("notes-from-geneva");
    expect(post.date).toBeNull();
    expect(textsOf(post.content)).toContain("December 20, 2006");
  });

  it("keeps raw HTML as plain text", () => {
    const post = parsePost("post.md", "Before <script>alert(1)</script> after.\n\n<img src=x onerror=alert(1)>\n\n<script>\nalert(2)\n</script>\n");
    const texts = textsOf(post.content).join("\n");
    expect(texts).toContain("<script>alert(1)</script>");
    expect(texts).toContain("<img src=x onerror=alert(1)>");
    expect(texts).toContain("alert(2)");
    const types = new Set<string>();
    const visit = (node: DocNode) => {
      types.add(node.type);
      (node.content ?? []).forEach(visit);
    };
    visit(post.content);
    expect([...types].sort()).toEqual(["doc", "paragraph", "text"]);
  });

  it("drops javascript: and data: links, keeping their text, and keeps the safe ones", () => {
    const post = parsePost(
      "post.md",
      "[one](javascript:alert(1)) [two](JaVaScRiPt:alert(1)) [three](data:text/html,hello) <javascript:alert(1)> [four](https://example.org/) [five](mailto:desk@example.org)\n",
    );
    expect(linksOf(post.content)).toEqual(["https://example.org/", "mailto:desk@example.org"]);
    expect(textsOf(post.content).join("")).toBe("one two three javascript:alert(1) four five");
  });
});

describe("reading an uploaded file", () => {
  it("decodes UTF-8 text", () => {
    expect(readText("post.md", utf8("Ça va, Tehran?"))).toBe("Ça va, Tehran?");
  });

  it("refuses a file over 1 MB", async () => {
    const big = new Uint8Array(1_000_001).fill(0x61);
    const error = await rejectionOf(Promise.resolve().then(() => readText("big.md", big)));
    expect(error.code).toBe("bad_request");
    expect(error.message).toBe("“big.md” is larger than 1 MB; nothing was imported.");
    expect(readText("limit.md", new Uint8Array(1_000_000).fill(0x61))).toHaveLength(1_000_000);
  });

  it("refuses a binary: NUL bytes or bytes that are not UTF-8", async () => {
    for (const bytes of [new Uint8Array([0x23, 0x20, 0x61, 0x00, 0x62]), new Uint8Array([0x23, 0x20, 0xff, 0xfe, 0xc3, 0x28])]) {
      const error = await rejectionOf(Promise.resolve().then(() => readText("picture.md", bytes)));
      expect(error.code).toBe("bad_request");
      expect(error.message).toBe("“picture.md” is not a text file; nothing was imported.");
    }
  });
});

describe("importing posts", () => {
  it("creates a draft for each post, with its title, date and body", async () => {
    const { team, owner } = await buildTeam();
    const created = await importPosts(team.id, owner.id, [
      { name: "snow.md", bytes: utf8("# Snow in Tehran\n\nDecember 20, 2006\n\nSchools **closed**.\n") },
      { name: "vienna.markdown", bytes: utf8("Agreed at last.\n") },
    ]);
    expect(created.map((note) => [note.title, note.status, note.createdBy])).toEqual([
      ["Snow in Tehran", "draft", owner.id],
      ["vienna", "draft", owner.id],
    ]);
    const snow = await findNote(created[0].id);
    // Dated as the post was; imported, so made and edited, now.
    expect(snow?.dateline).toBe("2006-12-20");
    expect(Date.now() - snow!.updatedAt.getTime()).toBeLessThan(60_000);
    expect(snow?.text).toBe("Schools closed.");
    expect(snow?.content).toEqual(normalised(doc(paragraph(text("Schools "), text("closed", { type: "bold" }), text(".")))));
    expect((await listNotes(team.id)).map((note) => note.id).sort()).toEqual(created.map((note) => note.id).sort());
  });

  it("imports nothing when one file is bad", async () => {
    const { team, owner } = await buildTeam();
    const good = { name: "good.md", bytes: utf8("# Good\n\nFine text.\n") };
    const bad = [
      { file: { name: "bad.md", bytes: new Uint8Array([0x61, 0x00, 0x62]) }, message: "“bad.md” is not a text file; nothing was imported." },
      { file: { name: "huge.md", bytes: new Uint8Array(1_000_001).fill(0x61) }, message: "“huge.md” is larger than 1 MB; nothing was imported." },
      { file: { name: "photo.png", bytes: utf8("not really") }, message: "“photo.png” is not a Markdown file (.md); nothing was imported." },
    ];
    await buildNote(team.id, owner.id);
    const before = (await listNotes(team.id)).length;
    for (const { file, message } of bad) {
      const error = await rejectionOf(importPosts(team.id, owner.id, [good, file]));
      expect(error.code).toBe("bad_request");
      expect(error.message).toBe(message);
    }
    expect(before).toBe(1);
    expect((await listNotes(team.id)).length).toBe(before);
  });

  it("refuses more than 5 MB in all, before reading any of it", async () => {
    const { team, owner } = await buildTeam();
    const files = Array.from({ length: 6 }, (_, index) => ({ name: `part-${index}.md`, bytes: new Uint8Array(900_000).fill(0x61) }));
    const error = await rejectionOf(importPosts(team.id, owner.id, files));
    expect(error.code).toBe("bad_request");
    expect(error.message).toBe("These files come to more than 5 MB together; nothing was imported.");
    expect(await listNotes(team.id)).toEqual([]);
  });

  it("refuses a post nested deeper than a note may be, naming the file, and imports none of the others", async () => {
    const { team, owner } = await buildTeam();
    const deep = { name: "deep.md", bytes: utf8(`${"> ".repeat(60)}deep\n`) };
    const error = await rejectionOf(importPosts(team.id, owner.id, [{ name: "fine.md", bytes: utf8("Fine.\n") }, deep]));
    expect(error.code).toBe("bad_request");
    expect(error.message).toBe("“deep.md” cannot be imported: it is nested 62 levels deep (at most 48); nothing was imported.");
    expect(await listNotes(team.id)).toEqual([]);
  });
});
