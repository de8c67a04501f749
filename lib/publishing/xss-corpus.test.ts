import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Edition, Team } from "@/db/schema";
import type { DocNode } from "@/lib/editor/document";
import { deriveBody, yDocFromContent } from "@/lib/editor/derive";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { documentToHtml } from "@/lib/editor/html";
import { sanitizeContent } from "@/lib/editor/sanitize";
import { entityPath, type EntityKind } from "@/lib/entity-kinds";
import { activeContent, decodeEntities } from "@/lib/testing/inert-html";
import { HOSTILE_MARKDOWN, HOSTILE_TEXT } from "@/lib/testing/xss-corpus";
import { atomFeed } from "./feeds";
import { parsePost } from "./post";
import type { Endnote } from "@/lib/sources/endnote";
import { endnotesHtml } from "@/lib/sources/sourcing-html";
import { standaloneHtml } from "./render";

/** How the pages link a mention (members see entity pages). */
const mentionHref = (kind: EntityKind, id: string) => entityPath("desk", { kind, id });
const doc = (...content: DocNode[]): DocNode => ({ type: "doc", content });
const paragraph = (...content: DocNode[]): DocNode => ({ type: "paragraph", content });
const linked = (href: string): DocNode => ({ type: "text", text: "click", marks: [{ type: "link", attrs: { href } }] });
const chip = (id: string, label: string, char = "@"): DocNode => ({ type: "mention", attrs: { id, label, mentionSuggestionChar: char } });

const team = { id: "00000000-0000-4000-8000-000000000001", slug: "desk", name: "Desk" } as Team;
function edition(payload: string, content: DocNode): Edition {
  return {
    id: "00000000-0000-4000-8000-000000000002",
    noteId: "00000000-0000-4000-8000-000000000003",
    teamId: team.id,
    number: 2,
    title: payload,
    summary: payload,
    text: payload,
    content,
    authors: [payload],
    marking: "amber",
    likelihoodScale: "icd203",
    publishedAt: new Date("2026-01-01T00:00:00Z"),
  } as Edition;
}

/** The HTML a feed reader renders from an Atom document: the text of each type="html" element (the others are shown as text). */
function feedHtml(xml: string): string[] {
  const texts = [...xml.matchAll(/<(title|summary|content|rights|subtitle) type="html">([\s\S]*?)<\/\1>/g)].map(([, , inner]) => {
    const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(inner.trim());
    return cdata ? cdata[1] : decodeEntities(inner);
  });
  return texts;
}

/** An export page without its own head (its one style sheet and meta tags), which the payload did not write. */
const exportBody = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, "").replace(/<meta [^>]*>/g, "");

/** Each place a payload is shown, as the function that renders it. */
const places: Record<string, (payload: string) => string[]> = {
  "body text": (payload) => [documentToHtml(doc(paragraph({ type: "text", text: payload })), { mentionHref })],
  "link mark address": (payload) => [documentToHtml(doc(paragraph(linked(payload))), { mentionHref })],
  "mention chip label": (payload) => [documentToHtml(doc(paragraph(chip("6f1c2b7e-3d4a-4e5f-8a9b-0c1d2e3f4a5b", payload))), { mentionHref })],
  "mention chip id": (payload) => [documentToHtml(doc(paragraph(chip(payload, "Iran", "#"))), { mentionHref })],
  "block attributes": (payload) => [
    documentToHtml(
      doc(
        { type: "heading", attrs: { level: payload }, content: [{ type: "text", text: "h" }] },
        { type: "orderedList", attrs: { start: payload }, content: [{ type: "listItem", content: [paragraph({ type: "text", text: "i" })] }] },
        paragraph({ type: "text", text: "changed", marks: [{ type: "diffInsert", attrs: { change: payload } }] }),
      ),
    ),
  ],
  "stored link, sanitised": (payload) => [documentToHtml(sanitizeContent(doc(paragraph(linked(payload)))))],
  "revision body read from Yjs": (payload) => {
    const ydoc = yDocFromContent({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "click" }] }] });
    const text = (ydoc.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.format(0, 5, { link: { href: payload } });
    text.insert(5, ` ${payload}`);
    return [documentToHtml(deriveBody(ydoc).content, { mentionHref })];
  },
  "export page title and dateline": (payload) => [exportBody(standaloneHtml(payload, payload, documentToHtml(doc(paragraph(linked(payload))), { mentionHref })))],
  "endnote: source title, originator, locator": (payload) => {
    const endnote: Endnote = { ordinal: 1, sourceId: null, sourceTitle: payload, sourceKind: "media", originator: payload, reliability: "B", credibility: "2", locator: payload, obtainedOn: null };
    return [endnotesHtml([endnote])];
  },
  "atom feed entry": (payload) => {
    const content = doc(paragraph({ type: "text", text: payload }, linked(payload), chip(payload, payload)));
    const xml = atomFeed({ origin: "https://dossier.test", team: { ...team, name: payload }, title: payload, selfPath: "/feeds/desk/briefs", editions: [edition(payload, content)], linkMentions: true });
    // The XML itself carries no markup of its own beyond Atom's elements.
    return [xml.replace(/<(\?xml|feed|id|title|updated|generator|author|name|link|rights|entry|summary|content|published|email|uri|subtitle|icon|logo|category)\b/g, "<atom-$1"), ...feedHtml(xml)];
  },
  "markdown import": (payload) => {
    const post = parsePost("post.md", `---\ntitle: ${payload.replace(/\n/g, " ")}\n---\n${payload}\n\nText [link](${payload}) and ![image](${payload}).\n`);
    return [documentToHtml(post.content, { mentionHref }), exportBody(standaloneHtml(post.title, "", ""))];
  },
};

const tried: string[] = [];
afterAll(() => console.log(`hostile inputs tried: ${tried.length} (${HOSTILE_TEXT.length} payloads × ${Object.keys(places).length} places + ${HOSTILE_MARKDOWN.length} Markdown documents)`));

describe("the XSS corpus is inert wherever a function renders it", () => {
  for (const [place, render] of Object.entries(places)) {
    it.each(HOSTILE_TEXT)(`${place}: %j`, (payload) => {
      tried.push(`${place} ${payload}`);
      for (const html of render(payload)) expect(activeContent(html)).toEqual([]);
    });
  }

  it.each(HOSTILE_MARKDOWN)("imported Markdown document: %j", (markdown) => {
    tried.push(`import ${markdown}`);
    const post = parsePost("post.md", `# ${markdown.split("\n")[0]}\n\n${markdown}\n`);
    expect(activeContent(documentToHtml(post.content, { mentionHref }))).toEqual([]);
    // It makes a valid note (an image alone on a line once made the import fail).
    expect(() => yDocFromContent(post.content)).not.toThrow();
    // What is stored carries no runnable address either, for renderers yet to come.
    expect(JSON.stringify(post.content)).not.toMatch(/"href":"\s*(javascript|vbscript|data):/i);
  });

  it("finds active content when it is there, so an empty list means something", () => {
    expect(activeContent('<a href="java&#x09;script:x">')).toEqual(['href="java\tscript:x" on <a>']);
    expect(activeContent("<img src=x onerror=alert(1)>")).toEqual(["<img> element", "onerror attribute on <img>"]);
    expect(activeContent('<iframe srcdoc="x">')).toEqual(["<iframe> element", "srcdoc on <iframe>"]);
    expect(activeContent("<p>&lt;script&gt;</p>")).toEqual([]);
  });
});
