import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { DocNode } from "@/lib/editor/document";
import { yDocFromContent } from "@/lib/editor/derive";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { HOSTILE_HREFS, UNSAFE_SCHEME } from "@/lib/testing/xss-corpus";
import { findUpdateProblem } from "./update-check";

const mentionDocument: DocNode = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "About " },
        { type: "mention", attrs: { id: "0b8f3c1e-8a63-4c2a-9d7e-2f1f6a1d0c11", label: "North Korea", mentionSuggestionChar: "@" } },
      ],
    },
  ],
};

const copyOf = (doc: Y.Doc) => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

/** The update a client's change makes, against a server holding the same note. */
function attempt(change: (body: Y.XmlFragment) => void) {
  const server = yDocFromContent(mentionDocument);
  const client = copyOf(server);
  const before = Y.encodeStateVector(client);
  change(client.getXmlFragment(BODY_FIELD));
  return findUpdateProblem(server, Y.encodeStateAsUpdate(client, before));
}

const paragraph = (body: Y.XmlFragment) => body.get(0) as Y.XmlElement;
const firstText = (body: Y.XmlFragment) => paragraph(body).get(0) as Y.XmlText;
const mention = (body: Y.XmlFragment) => paragraph(body).get(1) as Y.XmlElement;

// Addresses a browser would follow as script or a document (after dropping the whitespace and controls it ignores).
const runnable = HOSTILE_HREFS.filter((href) => UNSAFE_SCHEME.test(href.replace(/[\u0000-\u0020]/g, "")));

describe("checking what an update sets on elements and text", () => {
  it("accepts a web link, a mail link, removing a link, and renaming a mention", () => {
    expect(attempt((body) => firstText(body).format(0, 5, { link: { href: "https://example.org/a?b=1" } }))).toBeNull();
    expect(attempt((body) => firstText(body).format(0, 5, { link: { href: "mailto:desk@example.org" } }))).toBeNull();
    expect(attempt((body) => firstText(body).format(0, 5, { link: null }))).toBeNull();
    expect(attempt((body) => mention(body).setAttribute("label", "DPRK"))).toBeNull();
  });

  it.each(runnable)("refuses a link to %j", (href) => {
    expect(attempt((body) => firstText(body).format(0, 5, { link: { href } }))).toBe("the update links text to an address that is not http(s) or mailto");
  });

  it("refuses a link to javascript: in text the same update inserts", () => {
    const problem = attempt((body) => {
      const text = new Y.XmlText("click");
      const added = new Y.XmlElement("paragraph");
      added.insert(0, [text]);
      body.insert(1, [added]);
      text.format(0, 5, { link: { href: "javascript:alert(1)" } });
    });
    expect(problem).toBe("the update links text to an address that is not http(s) or mailto");
  });

  it.each([
    ["an id that is a number", "id", 42, 'the update sets a mention\'s "id" to a value of the wrong kind'],
    ["a label that is an object", "label", { html: "<img src=x onerror=alert(1)>" }, 'the update sets a mention\'s "label" to a value of the wrong kind'],
    ["a trigger that is not @ or #", "mentionSuggestionChar", "<", 'the update sets a mention\'s "mentionSuggestionChar" to a value of the wrong kind'],
    ["an unknown attribute", "onclick", "alert(1)", 'the update sets an unknown attribute "onclick" on a <mention> element'],
  ])("refuses a mention with %s", (_, key, value, problem) => {
    expect(attempt((body) => mention(body).setAttribute(key, value as never))).toBe(problem);
  });

  it("takes a mention's marks (kept as attributes) by the rules of the same marks on text", () => {
    const suggestion = { id: "fuzzss2zpo", author: "7c1d4e2a-8b3f-4a6d-9e5c-1f2b3a4c5d6e", at: "2026-11-30T12:00:00.000Z" };
    expect(attempt((body) => mention(body).setAttribute("__mark_bold", {} as never))).toBeNull();
    expect(attempt((body) => mention(body).setAttribute("__mark_suggestedDeletion", suggestion as never))).toBeNull();
    expect(attempt((body) => mention(body).setAttribute("__mark_suggestedDeletion", { id: "s1" } as never))).toBe(
      "the update marks text as suggested without a well-formed id, author and time",
    );
    expect(attempt((body) => mention(body).setAttribute("__mark_link", { href: "javascript:alert(1)" } as never))).toBe(
      "the update links text to an address that is not http(s) or mailto",
    );
    expect(attempt((body) => mention(body).setAttribute("__mark_script", {} as never))).toBe('the update formats text with an unknown mark "script"');
  });

  it("refuses a mark on a block, which no editor can make", () => {
    expect(attempt((body) => (body.get(0) as Y.XmlElement).setAttribute("__mark_bold", {} as never))).toBe('the update sets an unknown attribute "__mark_bold" on a <paragraph> element');
  });

  it("refuses an unknown attribute on a new element and an unknown mark", () => {
    expect(
      attempt((body) => {
        const added = new Y.XmlElement("paragraph");
        added.setAttribute("style", "background:url(javascript:alert(1))");
        body.insert(1, [added]);
      }),
    ).toBe('the update sets an unknown attribute "style" on a <paragraph> element');
    expect(attempt((body) => firstText(body).format(0, 5, { script: { src: "x" } }))).toBe('the update formats text with an unknown mark "script"');
  });
});

describe("checking what an update sets on a citation", () => {
  const citing: DocNode = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "The convoy turned back." },
          { type: "citation", attrs: { id: "c1", sourceId: "0b8f3c1e-8a63-4c2a-9d7e-2f1f6a1d0c11", credibility: "2", locator: "p. 4", obtainedOn: null } },
        ],
      },
    ],
  };
  const change = (key: string, value: unknown) => {
    const server = yDocFromContent(citing);
    const client = copyOf(server);
    const before = Y.encodeStateVector(client);
    ((client.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).get(1) as Y.XmlElement).setAttribute(key, value as never);
    return findUpdateProblem(server, Y.encodeStateAsUpdate(client, before));
  };

  it("accepts a credibility of 1 to 6, a locator, a day and another source", () => {
    expect(change("credibility", "5")).toBeNull();
    expect(change("locator", "00:14:32")).toBeNull();
    expect(change("obtainedOn", "2026-02-28")).toBeNull();
    expect(change("sourceId", "5c8d1e2f-3a4b-4c6d-8e9f-0a1b2c3d4e5f")).toBeNull();
  });

  it.each([
    ["credibility", "7"],
    ["credibility", "G7"],
    ["credibility", "A0"],
    ["credibility", 3],
    ["sourceId", "not-a-source"],
    ["obtainedOn", "yesterday"],
    ["locator", "x".repeat(301)],
    ["id", { evil: true }],
  ])("refuses a citation's %s set to %j", (key, value) => {
    expect(change(key, value)).toMatch(/^the update sets a citation's "\w+" to a value it cannot have/);
  });
});
