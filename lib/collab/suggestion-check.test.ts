import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { yDocFromContent } from "@/lib/editor/derive";
import { copyOf } from "@/lib/testing/body-updates";
import { paragraphs } from "@/lib/testing/factories";
import { suggest, updateByTransform, write } from "@/lib/testing/suggestion-updates";
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
});
