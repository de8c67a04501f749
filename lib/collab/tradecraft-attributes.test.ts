import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { yDocFromContent } from "@/lib/editor/derive";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { judgedDoc, judgmentItem } from "@/lib/testing/factories";
import { findUpdateProblem } from "./update-check";

/** The update a client's change to a note with key judgments makes, judged by the server holding the same note. */
function attempt(change: (body: Y.XmlFragment) => void) {
  const server = yDocFromContent(judgedDoc([judgmentItem("Pyongyang will likely test again.", { id: "j1" })], "Background."));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  change(client.getXmlFragment(BODY_FIELD));
  return findUpdateProblem(server, Y.encodeStateAsUpdate(client, before));
}

const block = (body: Y.XmlFragment) => body.get(0) as Y.XmlElement;
const judgment = (body: Y.XmlFragment) => block(body).get(0) as Y.XmlElement;
const paragraph = (body: Y.XmlFragment) => body.get(1) as Y.XmlElement;

describe("checking what an update sets on judgments and portion marks", () => {
  it("accepts a confidence, assumptions, a fresh id and every TLP level as a portion mark", () => {
    expect(attempt((body) => judgment(body).setAttribute("confidence", "high"))).toBeNull();
    expect(attempt((body) => judgment(body).setAttribute("confidence", null as never))).toBeNull();
    expect(attempt((body) => judgment(body).setAttribute("assumptions", "The regime keeps its current testing cadence."))).toBeNull();
    expect(attempt((body) => judgment(body).setAttribute("id", "k2"))).toBeNull();
    for (const level of ["clear", "green", "amber", "amber+strict", "red"]) {
      expect(attempt((body) => paragraph(body).setAttribute("marking", level))).toBeNull();
      expect(attempt((body) => judgment(body).setAttribute("marking", level))).toBeNull();
    }
    expect(attempt((body) => paragraph(body).setAttribute("marking", null as never))).toBeNull();
  });

  it.each([
    ["confidence", "certain"],
    ["confidence", 3],
    ["assumptions", "x".repeat(1001)],
    ["assumptions", { html: "<b>" }],
    ["id", "has spaces"],
  ])("refuses a judgment's %s set to %j", (key, value) => {
    expect(attempt((body) => judgment(body).setAttribute(key, value as never))).toMatch(/^the update sets a judgment's "\w+" to a value it cannot have/);
  });

  it.each(["purple", "TLP:AMBER", "AMBER", "white", "secret", 4])("refuses a portion mark of %j", (value) => {
    expect(attempt((body) => paragraph(body).setAttribute("marking", value as never))).toBe(
      "the update gives a block a portion mark that is not a TLP level (clear, green, amber, amber+strict or red)",
    );
  });

  it("refuses a portion mark on what cannot carry one", () => {
    const problem = attempt((body) => {
      const row = paragraph(body).get(0) as Y.XmlText;
      row.format(0, 3, { marking: "red" } as never);
    });
    expect(problem).toBe('the update formats text with an unknown mark "marking"');
  });
});
