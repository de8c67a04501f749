import type { DocMark, DocNode } from "@/lib/editor/document";
import { ENTITY_KIND_SPECS } from "@/lib/entity-kinds";

/** Demo notes: short analyst briefs on real diplomatic events of 2006, written for Dossier. */

const text = (value: string, marks?: DocMark[]): DocNode => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: DocNode[]): DocNode => ({ type: "paragraph", content });
const heading = (level: number, value: string) => ({ type: "heading", attrs: { level }, content: [text(value)] });
const bullets = (...items: string[]) => ({
  type: "bulletList",
  content: items.map((item) => ({ type: "listItem", content: [paragraph(text(item))] })),
});
const doc = (...content: DocNode[]): DocNode => ({ type: "doc", content });

/** Demo actors and events, keyed for the notes below. */
export const DEMO_ACTORS = {
  northKorea: { name: "North Korea", aliases: ["DPRK", "Pyongyang"], actorType: "country", summary: "Democratic People's Republic of Korea." },
  china: { name: "China", aliases: ["PRC", "Beijing"], actorType: "country", summary: "Host of the six-party talks." },
  russia: { name: "Russia", aliases: ["Moscow"], actorType: "country", summary: "" },
  japan: { name: "Japan", aliases: ["Tokyo"], actorType: "country", summary: "" },
  unitedStates: { name: "United States", aliases: ["US", "Washington"], actorType: "country", summary: "" },
  iran: { name: "Iran", aliases: ["Tehran"], actorType: "country", summary: "" },
  securityCouncil: { name: "UN Security Council", aliases: ["Security Council", "UNSC"], actorType: "organisation", summary: "" },
} as const;

export const DEMO_EVENTS = {
  nuclearTest: { name: "North Korean nuclear test", startsOn: "2006-10-09", place: "Hwadae-ri, North Korea", participants: ["northKorea"] },
  resolution1718: { name: "Resolution 1718 adopted", startsOn: "2006-10-14", place: "New York", participants: ["securityCouncil", "china", "russia", "japan", "unitedStates"] },
  beijingRound: { name: "Six-party talks, Beijing round", startsOn: "2006-12-18", endsOn: "2006-12-22", place: "Beijing", participants: ["china", "northKorea", "unitedStates", "russia", "japan"] },
  resolution1737: { name: "Resolution 1737 on Iran", startsOn: "2006-12-23", place: "New York", participants: ["securityCouncil", "iran", "russia", "unitedStates"] },
} as const;

/** Demo sources in the team's register, graded, cited by the first brief. */
export const DEMO_SOURCES = {
  resolutionText: { title: "Resolution 1718 (2006), S/RES/1718", kind: "document", originator: "UN Security Council", reliability: "A" },
  pressRelease: { title: "Security Council press release SC/8853", kind: "official_statement", originator: "United Nations", reliability: "A" },
} as const;

export type DemoKey = keyof typeof DEMO_ACTORS | keyof typeof DEMO_EVENTS;
export type DemoSourceKey = keyof typeof DEMO_SOURCES;
type Ids = Record<DemoKey | DemoSourceKey, string>;

/** A citation of a demo source after the passage it supports. */
const cite = (ids: Ids, key: DemoSourceKey, credibility: string, locator = ""): DocNode => ({
  type: "citation",
  attrs: { id: `demo-${key}-${credibility}`, sourceId: ids[key], credibility, locator, obtainedOn: "2006-10-14" },
});

/** A mention of a demo actor or event, with its kind's trigger. */
const mention = (ids: Ids, key: DemoKey): DocNode => {
  const isActor = key in DEMO_ACTORS;
  const name = isActor ? DEMO_ACTORS[key as keyof typeof DEMO_ACTORS].name : DEMO_EVENTS[key as keyof typeof DEMO_EVENTS].name;
  const trigger = ENTITY_KIND_SPECS[isActor ? "actor" : "event"].trigger;
  return { type: "mention", attrs: { id: ids[key], label: name, mentionSuggestionChar: trigger } };
};

interface DemoNote {
  title: string;
  kind: "note" | "brief";
  status: "draft" | "in_review" | "approved" | "published";
  content: (ids: Ids) => DocNode;
}

export const DEMO_NOTES: DemoNote[] = [
  {
    title: "Security Council answers the North Korean test",
    kind: "brief",
    status: "draft",
    content: (ids) =>
      doc(
      paragraph(
        text("14 October 2006", [{ type: "bold" }]),
        text(" — Five days after the "),
        mention(ids, "nuclearTest"),
        text(", the "),
        mention(ids, "securityCouncil"),
        text(" voted unanimously for Resolution 1718."),
        cite(ids, "pressRelease", "1"),
      ),
      paragraph(
        text("The text bans trade in heavy weapons and nuclear and missile materials, freezes assets tied to those programmes and allows cargo inspections. It stops short of any threat of force: "),
        mention(ids, "china"),
        text(" and "),
        mention(ids, "russia"),
        text(" would not accept more."),
        cite(ids, "resolutionText", "1", "operative paragraph 8"),
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
    content: (ids) =>
      doc(
      paragraph(
        mention(ids, "northKorea"),
        text(" has said it will return to the six-party talks ("),
        mention(ids, "beijingRound"),
        text("), a year after walking out over US financial measures against a Macau bank."),
      ),
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
    content: (ids) =>
      doc(
      paragraph(
        mention(ids, "unitedStates"),
        text(" wants a Security Council vote on "),
        mention(ids, "iran"),
        text("'s enrichment programme before the year ends ("),
        mention(ids, "resolution1737"),
        text("). The draft has been softened twice to keep Russia on board."),
      ),
      paragraph(
        text("Moscow's interest is concrete: it is building the Bushehr reactor and wants that project outside any sanctions list. Expect the final text to target enrichment and missile work narrowly and leave civilian cooperation alone."),
      ),
      bullets("Vote expected before the weekend.", "Watch for a Bushehr carve-out in the final draft."),
    ),
  },
];
