import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { yDocFromContent } from "@/lib/editor/derive";
import { copyOf } from "@/lib/testing/body-updates";
import { paragraphs } from "@/lib/testing/factories";
import { suggest, updateByTransform, write } from "@/lib/testing/suggestion-updates";
import { bodyText } from "@/lib/testing/collab";
import { findSuggestionProblem } from "./suggestion-check";

const REX = "22222222-2222-4222-8222-222222222222";

describe("judging a reviewer's update", () => {
  it("leaves the note's own document as it was, even where reading it would repair it", () => {
    // A body stored before updates were checked, with an element the editor cannot read: reading it drops the element.
    const live = yDocFromContent(paragraphs("Officials met in Vienna."));
    live.getXmlFragment(BODY_FIELD).insert(1, [new Y.XmlElement("script")]);
    const before = Y.encodeStateAsUpdate(live);
    const changes: Uint8Array[] = [];
    live.on("update", (update: Uint8Array) => changes.push(update));

    const update = updateByTransform(copyOf(live), suggest.insertion("mine0001", REX, "quietly ", "met"));
    expect(findSuggestionProblem(live, update, REX)).toBeNull();
    expect(changes).toEqual([]);
    expect(Y.encodeStateAsUpdate(live)).toEqual(before);
  });

  it("refuses a plain edit and an update that follows changes the server does not have", () => {
    const live = yDocFromContent(paragraphs("Officials met in Vienna."));
    const replica = copyOf(live);
    const first = updateByTransform(replica, suggest.insertion("mine0001", REX, "quietly ", "met"));
    const second = updateByTransform(replica, suggest.insertion("mine0001", REX, "and ", "quietly"));
    expect(findSuggestionProblem(live, second, REX)).toBe("the update follows changes the server does not have");
    expect(findSuggestionProblem(live, first, REX)).toBeNull();
    const plain = updateByTransform(copyOf(live), write("!", " in Vienna"));
    expect(findSuggestionProblem(live, plain, REX)).toBe("a reviewer may only add or withdraw suggestions of their own");
  });

  describe("while the note waits for a writer's change that came before its predecessor", () => {
    /** The server's note holding the writer's second change pending, and the writer's first, not yet sent. */
    function waitingNote() {
      const live = yDocFromContent(paragraphs("Officials met in Vienna."));
      const start = Y.encodeStateAsUpdate(live);
      const writer = copyOf(live);
      const first = updateByTransform(writer, write("Senior ", "Officials"));
      const second = updateByTransform(writer, write("!", " in Vienna"));
      Y.applyUpdate(live, second);
      expect(live.store.pendingStructs).not.toBeNull();
      return { live, start, writer, first };
    }

    it("judges a reviewer's update on its own, even when it repeats the writer's waiting change (a sync step does)", () => {
      const { live } = waitingNote();
      // Made on a copy holding the same pending change, which the update carries along.
      const mine = updateByTransform(copyOf(live), suggest.insertion("mine0001", REX, "quietly ", "met"));
      expect(findSuggestionProblem(live, mine, REX)).toBeNull();
      // One that follows a change of the reviewer's own the server has not seen is still refused.
      const reviewer = copyOf(live);
      updateByTransform(reviewer, suggest.insertion("mine0002", REX, "quietly ", "met"));
      const after = updateByTransform(reviewer, suggest.insertion("mine0002", REX, "and ", "quietly"));
      expect(findSuggestionProblem(live, after, REX)).toBe("the update follows changes the server does not have");
    });

    it("refuses items forged in the writer's name beyond what waits, and lets a forged copy of what waits change nothing", () => {
      const { live, start, writer, first } = waitingNote();
      const writerId = writer.clientID;
      // The writer's name, after their first change: one more item than the server waits for.
      const forger = copyOf(live);
      Y.applyUpdate(forger, first);
      forger.clientID = writerId;
      const beyond = updateByTransform(forger, write("?", "Vienna"));
      expect(findSuggestionProblem(live, beyond, REX)).toBe("the update follows changes the server does not have");

      // The same ids as the waiting change, with other words: passed, and the writer's words are the ones that land.
      const sameIds = new Y.Doc();
      Y.applyUpdate(sameIds, start);
      Y.applyUpdate(sameIds, first);
      sameIds.clientID = writerId;
      const forged = updateByTransform(sameIds, write("?", " in Vienna"));
      expect(findSuggestionProblem(live, forged, REX)).toBeNull();
      Y.applyUpdate(live, forged);
      Y.applyUpdate(live, first);
      expect(live.store.pendingStructs).toBeNull();
      expect(bodyText(live)).toBe("Senior Officials met! in Vienna.");
    });
  });
});
