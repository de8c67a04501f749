import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { deriveBody, yDocFromContent } from "@/lib/editor/derive";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { DOCUMENT_LIMITS, measureDocument } from "@/lib/editor/limits";
import { copyOf, insertNestedQuotes, updateMaking } from "@/lib/testing/body-updates";
import { paragraphs } from "@/lib/testing/factories";
import { findUpdateProblem } from "./update-check";

/**
 * The guard's limits on how deep and how large a body may grow: a body nested
 * thousands of levels deep overflowed the stack of every store and of the
 * browser editor, which then wrote back an empty note.
 */


const paragraph = (text: string) => {
  const element = new Y.XmlElement("paragraph");
  element.insert(0, [new Y.XmlText(text)]);
  return element;
};

/** The innermost blockquote of the nest at `index` of the body. */
const deepest = (doc: Y.Doc, index: number): Y.XmlElement => {
  let element = doc.getXmlFragment(BODY_FIELD).get(index) as Y.XmlElement;
  for (let child = element.get(0); child instanceof Y.XmlElement && child.nodeName === "blockquote"; child = element.get(0)) element = child;
  return element;
};

const depthLimitProblem = `the update nests the body more than ${DOCUMENT_LIMITS.depth} levels deep`;

describe("how deep an update may nest the body", () => {
  it("refuses 3,000 nested blockquotes sent as one small update", () => {
    const server = yDocFromContent(paragraphs("A note worth keeping."));
    const update = updateMaking(copyOf(server), (body) => insertNestedQuotes(body, 1, 3_000));
    expect(update.byteLength).toBeLessThan(100_000);
    expect(findUpdateProblem(server, update)).toBe(depthLimitProblem);
  });

  it("accepts nesting up to the limit and refuses one level more", () => {
    const server = yDocFromContent(paragraphs("Before."));
    // blockquotes + paragraph + text: the text stands at levels + 2.
    const atLimit = updateMaking(copyOf(server), (body) => insertNestedQuotes(body, 1, DOCUMENT_LIMITS.depth - 2));
    expect(findUpdateProblem(server, atLimit)).toBeNull();
    const overLimit = updateMaking(copyOf(server), (body) => insertNestedQuotes(body, 1, DOCUMENT_LIMITS.depth - 1));
    expect(findUpdateProblem(server, overLimit)).toBe(depthLimitProblem);
  });

  it("counts the depth the document already has when an update nests deeper, one level at a time", () => {
    const server = yDocFromContent(paragraphs("Before."));
    const client = copyOf(server);
    Y.applyUpdate(server, updateMaking(client, (body) => insertNestedQuotes(body, 0, 1)));
    let accepted = 1;
    let refused: string | null = null;
    while (refused === null && accepted < 2 * DOCUMENT_LIMITS.depth) {
      // Wrap the innermost paragraph in one more blockquote, as a client would.
      const update = updateMaking(client, () => {
        const quote = deepest(client, 0);
        quote.delete(0, 1);
        insertNestedQuotes(quote, 0, 1);
      });
      refused = findUpdateProblem(server, update);
      if (refused === null) {
        Y.applyUpdate(server, update);
        accepted += 1;
      }
    }
    expect(refused).toBe(depthLimitProblem);
    expect(accepted).toBe(DOCUMENT_LIMITS.depth - 2);
    expect(measureDocument(deriveBody(server).content).depth).toBe(DOCUMENT_LIMITS.depth);
  });

  it("judges nesting built from several updates that arrive out of order", () => {
    const server = yDocFromContent(paragraphs("Before."));
    const client = copyOf(server);
    const outer = updateMaking(client, (body) => insertNestedQuotes(body, 1, DOCUMENT_LIMITS.depth - 4));
    const inner = updateMaking(client, () => {
      insertNestedQuotes(deepest(client, 1), 0, 3);
    });
    // The inner levels wait for the outer ones; the update that lets them in is refused.
    expect(findUpdateProblem(server, inner)).toBeNull();
    Y.applyUpdate(server, inner);
    expect(findUpdateProblem(server, outer)).toBe(depthLimitProblem);
  });

  it("never refuses a random body the editor could write, and always one nested too deep", () => {
    const kinds = ["blockquote", "bulletList", "orderedList"] as const;
    let seed = 7;
    const random = (below: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % below);
    for (let round = 0; round < 60; round++) {
      const server = yDocFromContent(paragraphs("Before."));
      const levels = 1 + random(2 * DOCUMENT_LIMITS.depth);
      let wraps = 0;
      let inner = paragraph("x");
      // Lists wrap in a list item too: each is two levels.
      while (wraps < levels) {
        const kind = kinds[random(kinds.length)];
        const outer = new Y.XmlElement(kind);
        if (kind === "blockquote") {
          outer.insert(0, [inner]);
          wraps += 1;
        } else {
          const item = new Y.XmlElement("listItem");
          item.insert(0, [inner]);
          outer.insert(0, [item]);
          wraps += 2;
        }
        inner = outer;
      }
      const built = inner;
      const update = updateMaking(copyOf(server), (body) => body.insert(1, [built]));
      const probe = copyOf(server);
      Y.applyUpdate(probe, update);
      const depth = wraps + 2;
      expect(findUpdateProblem(server, update), `depth ${depth}`).toBe(depth > DOCUMENT_LIMITS.depth ? depthLimitProblem : null);
    }
  });
});

describe("how large an update may make the body", () => {
  it("refuses more parts than a body may have, sent in one update", () => {
    const server = yDocFromContent(paragraphs("Before."));
    const update = updateMaking(copyOf(server), (body) =>
      body.insert(1, Array.from({ length: DOCUMENT_LIMITS.nodes / 2 + 1 }, () => paragraph(""))),
    );
    expect(findUpdateProblem(server, update)).toMatch(/^the update would make the body too large: it has \d+ parts/);
  });

  it("refuses the update that takes the body past its characters, counting what earlier ones added", () => {
    const server = yDocFromContent(paragraphs("Before."));
    const client = copyOf(server);
    const chunk = "x".repeat(3_000_000);
    let accepted = 0;
    let refused: string | null = null;
    while (refused === null && accepted < 10) {
      const update = updateMaking(client, (body) => body.insert(body.length, [paragraph(chunk)]));
      refused = findUpdateProblem(server, update);
      if (refused === null) {
        Y.applyUpdate(server, update);
        accepted += 1;
      }
    }
    expect(refused).toMatch(/^the update would make the body too large: it has \d+ characters/);
    expect(accepted).toBe(Math.floor(DOCUMENT_LIMITS.characters / chunk.length));
  });

  it("counts text kept in attributes (judgments' assumptions) toward the body's characters", () => {
    const server = yDocFromContent(paragraphs("Before."));
    const client = copyOf(server);
    // Each update adds 1,000 judgments of 1,000 characters of assumptions: a megabyte no text limit would see.
    const judgments = () =>
      Array.from({ length: 1_000 }, (_, i) => {
        const judgment = new Y.XmlElement("judgment");
        judgment.setAttribute("id", `j${i}`);
        judgment.setAttribute("assumptions", "a".repeat(1_000));
        return judgment;
      });
    let accepted = 0;
    let refused: string | null = null;
    while (refused === null && accepted < 20) {
      const update = updateMaking(client, (body) => {
        const block = new Y.XmlElement("keyJudgments");
        block.insert(0, judgments());
        body.insert(body.length, [block]);
      });
      refused = findUpdateProblem(server, update);
      if (refused === null) {
        Y.applyUpdate(server, update);
        accepted += 1;
      }
    }
    expect(refused).toMatch(/^the update would make the body too large: it has \d+ characters/);
    expect(accepted).toBe(Math.floor(DOCUMENT_LIMITS.characters / 1_000_000) - 1);
  });

  it("lets a body that was trimmed grow again", () => {
    const server = yDocFromContent(paragraphs("Before."));
    const client = copyOf(server);
    const chunk = "x".repeat(4_000_000);
    const grow = () => updateMaking(client, (body) => body.insert(body.length, [paragraph(chunk)]));
    for (let index = 0; index < 2; index++) {
      const update = grow();
      expect(findUpdateProblem(server, update)).toBeNull();
      Y.applyUpdate(server, update);
    }
    const trim = updateMaking(client, (body) => body.delete(1, 2));
    expect(findUpdateProblem(server, trim)).toBeNull();
    Y.applyUpdate(server, trim);
    for (let index = 0; index < 2; index++) {
      const update = grow();
      expect(findUpdateProblem(server, update)).toBeNull();
      Y.applyUpdate(server, update);
    }
  });
});
