import { describe, expect, it } from "vitest";
import type { DocNode } from "./document";
import { documentToHtml } from "./html";
import { blockSuggestion, deleted, docOf, formatted, inserted, paragraph as suggested, plain } from "./suggestions/fixtures";

const IRAN = "6f1c2b7e-3d4a-4e5f-8a9b-0c1d2e3f4a5b";
const TALKS = "1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d";

const doc = (...content: DocNode[]): DocNode => ({ type: "doc", content });
const paragraph = (...content: DocNode[]): DocNode => ({ type: "paragraph", content });
const text = (value: string, marks: DocNode["marks"] = []): DocNode => ({ type: "text", text: value, ...(marks.length ? { marks } : {}) });
const link = (href: string) => ({ type: "link", attrs: { href } });

/** Every attribute name in the HTML's tags, as a browser would read them (quoted values skipped). */
const attributeNames = (html: string) =>
  [...html.matchAll(/<[a-z][a-z0-9]*((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*>/gi)].flatMap((tag) =>
    [...tag[1].replace(/="[^"]*"/g, "").matchAll(/\s+([^\s=>]+)/g)].map((a) => a[1]),
  );

describe("a document as HTML", () => {
  it("escapes text, so markup in a note is shown, not run", () => {
    const html = documentToHtml(doc(paragraph(text(`<script>alert("x")</script> & <img src=x onerror=alert(1)> 'quoted'`))));
    expect(html).toBe(
      "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt; &#39;quoted&#39;</p>",
    );
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
  });

  it("renders the schema's blocks and marks", () => {
    const html = documentToHtml(
      doc(
        { type: "heading", attrs: { level: 2 }, content: [text("Sanctions")] },
        paragraph(text("Bold", [{ type: "bold" }]), text(" and "), text("italic", [{ type: "italic" }])),
        { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [paragraph(text("third"))] }] },
        { type: "blockquote", content: [paragraph(text("Quoted."))] },
      ),
    );
    expect(html).toBe(
      '<h2>Sanctions</h2><p><strong>Bold</strong> and <em>italic</em></p><ol start="3"><li><p>third</p></li></ol><blockquote><p>Quoted.</p></blockquote>',
    );
  });

  it("keeps safe links and drops unsafe ones, keeping their text", () => {
    const html = documentToHtml(
      doc(
        paragraph(text("safe", [link("https://example.org/a?b=1&c=2")])),
        paragraph(text("mail", [link("mailto:desk@example.org")])),
        paragraph(text("one", [link("javascript:alert(1)")])),
        paragraph(text("two", [link("JaVaScRiPt:alert(1)")])),
        paragraph(text("three", [link("data:text/html,<script>alert(1)</script>")])),
        paragraph(text("four", [link(" javascript:alert(1)")])),
        paragraph(text("five", [link("java\tscript:alert(1)")])),
        paragraph(text("six", [link("vbscript:msgbox(1)")])),
      ),
    );
    expect(html).toBe(
      [
        '<p><a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">safe</a></p>',
        '<p><a href="mailto:desk@example.org" rel="noopener noreferrer nofollow">mail</a></p>',
        "<p>one</p>",
        "<p>two</p>",
        "<p>three</p>",
        "<p>four</p>",
        "<p>five</p>",
        "<p>six</p>",
      ].join(""),
    );
    expect(html.toLowerCase()).not.toContain("script:");
    expect(html).not.toContain("data:");
  });

  it("escapes a link's address so it cannot leave its attribute", () => {
    const html = documentToHtml(doc(paragraph(text("x", [link('https://example.org/"><script>alert(1)</script>')]))));
    expect(html).not.toContain("<script");
    expect(html).toContain('href="https://example.org/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it("links mentions only when told where to, and never links them for the public", () => {
    const body = doc(
      paragraph(
        text("Talks with "),
        { type: "mention", attrs: { id: IRAN, label: "Iran <the IRI>", mentionSuggestionChar: "@" } },
        text(" at "),
        { type: "mention", attrs: { id: TALKS, label: "Vienna talks", mentionSuggestionChar: "#" } },
      ),
    );
    expect(documentToHtml(body)).toBe(
      '<p>Talks with <span class="mention mention-actor">Iran &lt;the IRI&gt;</span> at <span class="mention mention-event">Vienna talks</span></p>',
    );
    expect(documentToHtml(body, { mentionHref: () => null })).not.toContain("<a");

    const asked: [string, string][] = [];
    const linked = documentToHtml(body, {
      mentionHref: (kind, id) => {
        asked.push([kind, id]);
        return `/t/desk/${kind}s/${id}`;
      },
    });
    expect(asked).toEqual([
      ["actor", IRAN],
      ["event", TALKS],
    ]);
    expect(linked).toBe(
      `<p>Talks with <a class="mention mention-actor" href="/t/desk/actors/${IRAN}">Iran &lt;the IRI&gt;</a> at <a class="mention mention-event" href="/t/desk/events/${TALKS}">Vienna talks</a></p>`,
    );
  });

  it("renders the children of node types it does not know, and drops marks it does not know", () => {
    const html = documentToHtml(
      doc(
        { type: "iframe", attrs: { src: "https://evil.example/" }, content: [paragraph(text("inside"))] },
        { type: "script", content: [text("alert(1)")] },
        paragraph(text("marked", [{ type: "onclick", attrs: { onclick: "alert(1)" } }])),
      ),
    );
    expect(html).toBe("<p>inside</p>alert(1)<p>marked</p>");
  });

  it("never emits an event-handler attribute, whatever the document's attributes", () => {
    const hostile = { onclick: "alert(1)", onerror: "alert(1)", style: "x", class: "evil", href: "https://example.org/" };
    const html = documentToHtml(
      doc(
        { type: "heading", attrs: { ...hostile, level: '1" onmouseover="alert(1)' }, content: [text("Title", [{ type: "bold", attrs: hostile }])] },
        { type: "paragraph", attrs: hostile, content: [text("Link", [{ type: "link", attrs: { ...hostile, href: "https://example.org/" } }])] },
        { type: "orderedList", attrs: { ...hostile, start: '2" onclick="alert(1)' }, content: [{ type: "listItem", attrs: hostile, content: [paragraph(text("item"))] }] },
        {
          type: "table",
          attrs: hostile,
          content: [{ type: "tableRow", attrs: hostile, content: [{ type: "tableCell", attrs: { ...hostile, colspan: 2 }, content: [paragraph(text("cell"))] }] }],
        },
        paragraph({ type: "mention", attrs: { ...hostile, id: '" onclick="alert(1)', label: "Iran", mentionSuggestionChar: '"><b onclick=x>' } }),
        { type: "image", attrs: { ...hostile, src: "x" } },
        paragraph(text("changed", [{ type: "diffInsert", attrs: { ...hostile, change: '" onclick="alert(1)' } }])),
      ),
      { mentionHref: (kind, id) => `/t/desk/${kind}s/${id}` },
    );
    const names = attributeNames(html);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => /^on/i.test(name))).toEqual([]);
    expect([...new Set(names)].sort()).toEqual(["class", "data-change", "href", "rel", "start"]);
    expect(html).toContain("<h2><strong>Title</strong></h2>");
    expect(html).toContain('<ol start="1">');
  });
});

describe("suggestions as HTML", () => {
  const REVIEWER = "0b6f4c52-2d6e-4c1a-9d0e-6a1f3b2c4d5e";

  it("draws suggested insertions, deletions and formats as such, with their text escaped and no author", () => {
    const html = documentToHtml(
      docOf(
        suggested(
          [plain("Talks "), deleted("<may>", "sugg01", REVIEWER), inserted(`"will" & <script>`, "sugg01", REVIEWER), formatted(" resume", "sugg02", REVIEWER, "bold", "add")],
          blockSuggestion("sugg03", REVIEWER, "split"),
        ),
      ),
    );
    expect(html).toBe(
      '<p class="suggested-block suggested-split" title="Suggested: a new paragraph">Talks ' +
        '<del class="suggested-deletion" title="Suggested deletion">&lt;may&gt;</del>' +
        '<ins class="suggested-insertion" title="Suggested insertion">&quot;will&quot; &amp; &lt;script&gt;</ins>' +
        '<strong><span class="suggested-format" data-format="bold" data-change="add" title="Suggested: make bold"> resume</span></strong></p>',
    );
    expect(html).not.toContain(REVIEWER);
    expect(html).not.toContain("sugg0");
  });

  it("marks a retyped heading as suggested on the heading itself", () => {
    const heading: DocNode = { type: "heading", attrs: { level: 2, suggestion: blockSuggestion("sugg04", REVIEWER, "retype", { type: "paragraph", level: null }) }, content: [plain("Outlook")] };
    expect(documentToHtml(docOf(heading))).toBe('<h2 class="suggested-block suggested-retype" title="Suggested: a change of kind">Outlook</h2>');
  });

  it("draws a malformed suggestion as ordinary text, taking nothing from its attributes", () => {
    const html = documentToHtml(
      doc(
        paragraph(
          text("forged", [{ type: "suggestedInsertion", attrs: { id: '"><script>', author: REVIEWER, at: "2026-11-30T10:00:00.000Z" } }]),
          text(" format", [{ type: "suggestedFormat", attrs: { id: "sugg05", author: REVIEWER, at: "2026-11-30T10:00:00.000Z", format: '"onmouseover="x', change: "add" } }]),
        ),
        { type: "paragraph", attrs: { suggestion: { id: "sugg06", author: REVIEWER, at: "2026-11-30T10:00:00.000Z", kind: '" onclick="x', from: null } }, content: [text("block")] },
      ),
    );
    expect(html).toBe("<p>forged format</p><p>block</p>");
  });
});
