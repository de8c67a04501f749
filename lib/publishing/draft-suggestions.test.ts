import { describe, expect, it } from "vitest";
import { blockSuggestion, deleted, docOf, formatted, inserted, paragraph, plain } from "@/lib/editor/suggestions/fixtures";
import { draftTextForExport, exportedSuggestions } from "./draft-suggestions";
import { exportBody, type ExportedDocument } from "./export";

const REVIEWER = "0b6f4c52-2d6e-4c1a-9d0e-6a1f3b2c4d5e";

/** "Talks may resume on Monday." with "may" proposed to become "will", "Monday" made bold, and a paragraph split off. */
const suggested = docOf(
  paragraph([plain("Talks "), deleted("may", "sugg01", REVIEWER), inserted("will", "sugg01", REVIEWER), plain(" resume on "), formatted("Monday", "sugg02", REVIEWER, "bold", "add"), plain(".")]),
  paragraph([plain("No deal yet.")], blockSuggestion("sugg03", REVIEWER, "split")),
);

const exported = (suggestions: "reject" | "accept", format: "md" | "html" = "md") => {
  const document: ExportedDocument = { title: "Vienna", subtitle: "Desk · draft", content: draftTextForExport(suggested, suggestions), endnotes: [], what: "note", marking: "clear" };
  return exportBody(format, document);
};

describe("a draft's export with open suggestions", () => {
  it("holds the text before any suggestion by default: insertions dropped, deletions kept, formats and splits undone", () => {
    const markdown = exported("reject");
    // The split is undone: the two paragraphs are one again, as they were.
    expect(markdown).toContain("\n\nTalks may resume on Monday.No deal yet.\n\n");
    expect(markdown).not.toContain("will");
    expect(markdown).not.toContain("**Monday**");
    const html = exported("reject", "html");
    expect(html).toContain("<p>Talks may resume on Monday.No deal yet.</p>");
    expect(html).not.toMatch(/suggest|<ins|<del|sugg0|0b6f4c52/);
  });

  it("holds the text with every suggestion taken in when asked", () => {
    const markdown = exported("accept");
    expect(markdown).toContain("Talks will resume on **Monday**.\n\nNo deal yet.");
    expect(markdown).not.toContain("may");
    expect(exported("accept", "html")).not.toMatch(/suggest|<ins|<del|sugg0|0b6f4c52/);
  });

  it("reads the request's choice, and names no choice it does not know", () => {
    expect([null, "", "reject", "accept", "strip", "ACCEPT"].map(exportedSuggestions)).toEqual(["reject", "reject", "reject", "accept", null, null]);
  });
});
