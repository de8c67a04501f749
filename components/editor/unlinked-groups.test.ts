import { describe, expect, it } from "vitest";
import { unlinkedNameKey, type UnlinkedMention } from "@/lib/editor/unlinked";
import { groupUnlinked } from "./unlinked-groups";

const at = (from: number, entityId: string, text: string): UnlinkedMention => ({ from, to: from + text.length, entityId, text, context: `around ${from}` });

describe("unlinked mentions as cards", () => {
  it("makes one card per name of an entity, in the order they first stand, with every place", () => {
    const found = [at(1, "us", "US"), at(10, "iran", "Tehran"), at(20, "us", "US"), at(30, "us", "United States")];
    expect(groupUnlinked(found, new Set()).map((group) => [group.text, group.mentions.map((mention) => mention.from)])).toEqual([
      ["US", [1, 20]],
      ["Tehran", [10]],
      ["United States", [30]],
    ]);
  });

  it("leaves out the names ignored, in any case", () => {
    const found = [at(1, "us", "US"), at(10, "iran", "Tehran")];
    expect(groupUnlinked(found, new Set([unlinkedNameKey("us", "us")])).map((group) => group.text)).toEqual(["Tehran"]);
  });
});
