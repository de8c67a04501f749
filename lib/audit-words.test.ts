import { describe, expect, it } from "vitest";
import { describeAction, describeDetails } from "./audit-words";

describe("an audit entry in words", () => {
  it("names the action in words", () => {
    expect(describeAction("member.role_changed")).toBe("Member role changed");
    expect(describeAction("user.signed_in")).toBe("User signed in");
    expect(describeAction("note.finding_set_aside")).toBe("Note finding set aside");
  });

  it("gives each detail its words and its value, nested ones included, never raw JSON", () => {
    expect(describeDetails({ from: "clear", to: "amber" })).toEqual([
      { label: "from", value: "clear" },
      { label: "to", value: "amber" },
    ]);
    expect(describeDetails({ edition: 2, approvalOverridden: true, tags: ["nuclear", "iran"], dateline: null })).toEqual([
      { label: "edition", value: "2" },
      { label: "approval overridden", value: "yes" },
      { label: "tags", value: "nuclear, iran" },
      { label: "dateline", value: "none" },
    ]);
    expect(describeDetails({ suggestions: [{ id: "s1", summary: "Adds Japan" }] })).toEqual([{ label: "suggestions", value: "id s1, summary Adds Japan" }]);
    expect(describeDetails(null)).toEqual([]);
  });
});
