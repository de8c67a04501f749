import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import type { DocNode } from "@/lib/editor/document";
import { deriveBody } from "@/lib/editor/derive";
import { noteSchema } from "@/lib/editor/schema";
import { LIKELIHOOD_SCALES, LIKELIHOOD_WORDINGS } from "@/lib/tradecraft/likelihood";
import { checkEstimativeLanguage } from "@/lib/tradecraft/estimative-check";
import { ESTIMATIVE_LEXICON } from "@/lib/tradecraft/estimative-lexicon";
import { noteBodyFromContent } from "@/lib/notes/body";
import { BUILT_IN_TEMPLATES } from "./built-in";
import { templateBody, TEMPLATE_LIMITS } from "./body";
import { noteContentFromTemplate } from "./instantiate";

const REVIEWER = "00000000-0000-4000-8000-000000000002";
const AT = "2026-11-30T10:00:00.000Z";
const text = (words: string, marks?: DocNode["marks"]): DocNode => ({ type: "text", text: words, ...(marks ? { marks } : {}) });
const doc = (...content: DocNode[]): DocNode => ({ type: "doc", content });
const paragraph = (...content: DocNode[]): DocNode => ({ type: "paragraph", content });

/** The headings of a body, in order. */
const headings = (body: DocNode) => (body.content ?? []).filter((block) => block.type === "heading").map((block) => block.content?.map((child) => child.text).join(""));

describe("the built-in templates", () => {
  it("are three, named as the chooser lists them, each with a description", () => {
    expect(BUILT_IN_TEMPLATES.map((template) => template.name)).toEqual(["Daily brief", "Event note", "Actor profile"]);
    expect(new Set(BUILT_IN_TEMPLATES.map((template) => template.id)).size).toBe(3);
    for (const template of BUILT_IN_TEMPLATES) expect(template.description.length).toBeGreaterThan(20);
  });

  it("have the sections their kind of note needs", () => {
    const byName = Object.fromEntries(BUILT_IN_TEMPLATES.map((template) => [template.name, template.body]));
    expect(headings(byName["Daily brief"])).toEqual(["Bottom line up front", "Developments", "Outlook"]);
    expect(byName["Daily brief"].content!.filter((block) => block.type === "keyJudgments")).toHaveLength(1);
    expect(headings(byName["Event note"])).toEqual(["What happened", "When and where", "Actors involved", "Sources", "Assessment"]);
    expect(headings(byName["Actor profile"])).toEqual(["Summary", "Background", "Capabilities", "Intentions", "Assessment"]);
  });

  it.each(BUILT_IN_TEMPLATES.map((template) => [template.name, template] as const))("%s is a body the schema takes as it is, and a note's Yjs document holds it", (_name, template) => {
    const node = ProseMirrorNode.fromJSON(noteSchema(), template.body);
    expect(() => node.check()).not.toThrow();
    // What a template keeps and a note stores is the same body: nothing in it is cleaned away.
    expect(templateBody(template.body)).toEqual(noteBodyFromContent(node.toJSON()).content);
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, noteBodyFromContent(noteContentFromTemplate(template.body)).ydoc);
    expect(headings(deriveBody(ydoc).content)).toEqual(headings(template.body));
  });

  it.each(BUILT_IN_TEMPLATES.map((template) => [template.name, template] as const))("%s's prompts use no estimative words, so the check flags nothing but its judgments to write", (_name, template) => {
    const prose = noteBodyFromContent(template.body).text.toLowerCase();
    const escape = (words: string) => words.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replaceAll(" ", "\\s+");
    expect(ESTIMATIVE_LEXICON.filter((entry) => new RegExp(`\\b${escape(entry.words)}\\b`).test(prose)).map((entry) => entry.words)).toEqual([]);
    const node = ProseMirrorNode.fromJSON(noteSchema(), template.body);
    for (const scale of Object.values(LIKELIHOOD_SCALES)) {
      for (const wording of LIKELIHOOD_WORDINGS) {
        const findings = checkEstimativeLanguage(node, { scale, wording });
        // An empty judgment is one to write: it has no likelihood or confidence yet, and says so.
        expect(findings.filter((finding) => !finding.kind.startsWith("judgment-without-")).map((finding) => `${finding.kind}: ${finding.term}`)).toEqual([]);
      }
    }
  });
});

describe("a new note's body from a template", () => {
  it("gives every key judgment an id of its own, each time", () => {
    const [daily] = BUILT_IN_TEMPLATES;
    const ids = (body: DocNode) => body.content!.find((block) => block.type === "keyJudgments")!.content!.map((judgment) => judgment.attrs?.id);
    const first = ids(noteContentFromTemplate(daily.body));
    const second = ids(noteContentFromTemplate(daily.body));
    expect(first).toHaveLength(2);
    for (const id of [...first, ...second]) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set([...first, ...second]).size).toBe(4);
    // The template itself is left as it was.
    expect(ids(daily.body)).toEqual([null, null]);
  });
});

describe("templateBody", () => {
  it("refuses what the schema does not take, with a sentence", () => {
    expect(() => templateBody(doc({ type: "script", content: [text("alert(1)")] }))).toThrow("This text cannot be a template: it does not fit the editor's schema.");
    // A block where only text may stand.
    expect(() => templateBody(doc(paragraph({ type: "heading", attrs: { level: 2 }, content: [text("Inside")] })))).toThrow(/does not fit the editor's schema/);
    expect(() => templateBody({ type: "paragraph", content: [text("Not a document")] })).toThrow(/does not fit the editor's schema/);
  });

  it("refuses an empty text: a blank note is what New note makes", () => {
    for (const empty of [{ type: "doc" }, doc(), doc(paragraph(), paragraph())]) {
      expect(() => templateBody(empty)).toThrow("There is nothing to make a template of: the text is empty.");
    }
    expect(templateBody(doc(paragraph(), { type: "heading", attrs: { level: 2 }, content: [text("Outlook")] }))).toMatchObject({ content: [{ type: "paragraph" }, { type: "heading" }] });
  });

  it("refuses a body nested past the limits before anything recursive reads it", () => {
    let nested: DocNode = paragraph(text("Deep"));
    for (let level = 0; level < 60; level++) nested = { type: "blockquote", content: [nested] };
    expect(() => templateBody(doc(nested))).toThrow(/^This text cannot be a template: it is nested \d+ levels deep/);
  });

  it("refuses a body longer than a template may be", () => {
    const long = "x".repeat(TEMPLATE_LIMITS.characters + 1);
    expect(() => templateBody(doc(paragraph(text(long))))).toThrow("A template holds at most 100,000 characters; this text has 100,001.");
  });

  it("leaves out open suggestions: an insertion goes, a deletion's text stays as written", () => {
    const stamp = { id: "sugg01", author: REVIEWER, at: AT };
    const body = templateBody(doc(paragraph(text("Talks "), text("may", [{ type: "suggestedDeletion", attrs: stamp }]), text("will", [{ type: "suggestedInsertion", attrs: stamp }]), text(" resume."))));
    expect(body).toEqual(doc(paragraph(text("Talks may resume."))));
  });

  it("cleans what the schema takes but a reader must never get: a javascript: link keeps its text only", () => {
    const body = templateBody(doc(paragraph(text("Click", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]))));
    expect(JSON.stringify(body)).not.toContain("javascript");
    expect(body.content![0].content![0].text).toBe("Click");
  });
});
