import type { ProseMirrorJSON } from "@/lib/editor/derive";

/** Demo notes: short analyst briefs on real diplomatic events of 2006, written for Dossier. */

const text = (value: string, marks?: { type: string }[]) => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: ReturnType<typeof text>[]) => ({ type: "paragraph", content });
const heading = (level: number, value: string) => ({ type: "heading", attrs: { level }, content: [text(value)] });
const bullets = (...items: string[]) => ({
  type: "bulletList",
  content: items.map((item) => ({ type: "listItem", content: [paragraph(text(item))] })),
});
const doc = (...content: object[]): ProseMirrorJSON => ({ type: "doc", content });

export interface DemoNote {
  title: string;
  kind: "note" | "brief";
  status: "draft" | "in_review" | "approved" | "published";
  content: ProseMirrorJSON;
}

export const DEMO_NOTES: DemoNote[] = [
  {
    title: "Security Council answers the North Korean test",
    kind: "brief",
    status: "draft",
    content: doc(
      paragraph(text("14 October 2006", [{ type: "bold" }]), text(" — Five days after Pyongyang announced an underground nuclear test, the Security Council voted unanimously for Resolution 1718.")),
      paragraph(
        text("The text bans trade in heavy weapons and nuclear and missile materials, freezes assets tied to those programmes and allows cargo inspections. It stops short of any threat of force: "),
        text("China", [{ type: "italic" }]),
        text(" and "),
        text("Russia", [{ type: "italic" }]),
        text(" would not accept more."),
      ),
      heading(2, "What to watch"),
      bullets(
        "Whether Chinese banks actually stop transfers to the North, as Beijing has signalled.",
        "How far Japan goes with national measures beyond the resolution.",
        "Any sign of a second test to strengthen Pyongyang's hand before talks.",
      ),
    ),
  },
  {
    title: "Six-party talks set to resume in Beijing",
    kind: "note",
    status: "draft",
    content: doc(
      paragraph(text("North Korea has said it will return to the six-party talks, a year after walking out over US financial measures against a Macau bank.")),
      paragraph(
        text("The condition it sets is plain: the financial sanctions must be on the table. Washington says the banking issue belongs in a separate working group. The gap between those positions is the first thing the Beijing round has to close."),
      ),
      {
        type: "blockquote",
        content: [paragraph(text("Resumption is a first step, not a settlement; the test has changed what each party can offer."))],
      },
      heading(2, "Positions going in"),
      {
        type: "table",
        content: [
          { type: "tableRow", content: ["Party", "Wants"].map((cell) => ({ type: "tableHeader", content: [paragraph(text(cell))] })) },
          ...[
            ["United States", "Verifiable steps towards dismantlement first"],
            ["North Korea", "Sanctions lifted, aid and energy, security guarantees"],
            ["China", "Stability on its border and a visible role as host"],
          ].map((row) => ({ type: "tableRow", content: row.map((cell) => ({ type: "tableCell", content: [paragraph(text(cell))] })) })),
        ],
      },
    ),
  },
  {
    title: "Iran resolution: what Moscow needs",
    kind: "note",
    status: "draft",
    content: doc(
      paragraph(text("Washington wants a Security Council vote on Iran's enrichment programme before the year ends. The draft has been softened twice to keep Russia on board.")),
      paragraph(
        text("Moscow's interest is concrete: it is building the Bushehr reactor and wants that project outside any sanctions list. Expect the final text to target enrichment and missile work narrowly and leave civilian cooperation alone."),
      ),
      bullets("Vote expected before the weekend.", "Watch for a Bushehr carve-out in the final draft."),
    ),
  },
];
