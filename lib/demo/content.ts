import type { DocMark, DocNode } from "@/lib/editor/document";
import { ENTITY_KIND_SPECS } from "@/lib/entity-kinds";
import type { TlpLevel } from "@/lib/tradecraft/tlp";

/** Demo notes: short analyst briefs on real diplomatic events of 2006, written for Dossier. */

const text = (value: string, marks?: DocMark[]): DocNode => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: DocNode[]): DocNode => ({ type: "paragraph", content });
const heading = (level: number, value: string) => ({ type: "heading", attrs: { level }, content: [text(value)] });
const bullets = (...items: string[]) => ({
  type: "bulletList",
  content: items.map((item) => ({ type: "listItem", content: [paragraph(text(item))] })),
});
const doc = (...content: DocNode[]): DocNode => ({ type: "doc", content });
/** The key judgments at the top of a note: each one's sentence, confidence and assumptions. */
const keyJudgments = (...items: { id: string; text: string; confidence: "high" | "moderate" | "low"; assumptions?: string }[]): DocNode => ({
  type: "keyJudgments",
  content: items.map((item) => ({
    type: "judgment",
    attrs: { id: item.id, confidence: item.confidence, assumptions: item.assumptions ?? "" },
    content: [text(item.text)],
  })),
});
/** A block with a portion mark of its own. */
const marked = (marking: TlpLevel, block: DocNode): DocNode => ({ ...block, attrs: { ...block.attrs, marking } });

/** Demo actors and events, keyed for the notes below; the countries and events carry a location for the map. */
export const DEMO_ACTORS = {
  northKorea: { name: "North Korea", aliases: ["DPRK", "Pyongyang"], actorType: "country", countryCode: "KP", summary: "Democratic People's Republic of Korea." },
  china: { name: "China", aliases: ["PRC", "Beijing"], actorType: "country", countryCode: "CN", summary: "Host of the six-party talks." },
  russia: { name: "Russia", aliases: ["Moscow"], actorType: "country", countryCode: "RU", summary: "" },
  japan: { name: "Japan", aliases: ["Tokyo"], actorType: "country", countryCode: "JP", summary: "" },
  unitedStates: { name: "United States", aliases: ["US", "Washington"], actorType: "country", countryCode: "US", summary: "" },
  iran: { name: "Iran", aliases: ["Tehran"], actorType: "country", countryCode: "IR", summary: "" },
  securityCouncil: { name: "UN Security Council", aliases: ["Security Council", "UNSC"], actorType: "organisation", summary: "" },
} as const;

export const DEMO_EVENTS = {
  nuclearTest: { name: "North Korean nuclear test", startsOn: "2006-10-09", place: "Hwadae-ri, North Korea", countryCode: "KP", latitude: 41.28, longitude: 129.08, participants: ["northKorea"] },
  resolution1718: { name: "Resolution 1718 adopted", startsOn: "2006-10-14", place: "New York", countryCode: "US", latitude: 40.7489, longitude: -73.968, participants: ["securityCouncil", "china", "russia", "japan", "unitedStates"] },
  beijingRound: { name: "Six-party talks, Beijing round", startsOn: "2006-12-18", endsOn: "2006-12-22", place: "Beijing", countryCode: "CN", latitude: 39.9042, longitude: 116.4074, participants: ["china", "northKorea", "unitedStates", "russia", "japan"] },
  resolution1737: { name: "Resolution 1737 on Iran", startsOn: "2006-12-23", place: "New York", countryCode: "US", latitude: 40.7489, longitude: -73.968, participants: ["securityCouncil", "iran", "russia", "unitedStates"] },
} as const;

/** Demo sources, graded as an analyst might have graded them at the time; `originator` names a demo actor. */
export const DEMO_SOURCES = {
  councilRecord: {
    title: "Security Council meeting record on Resolution 1718",
    kind: "official_statement",
    originator: "UN Security Council",
    originatorKey: "securityCouncil",
    reliability: "A",
    description: "The verbatim record of the meeting and the adopted text.",
  },
  wireReport: {
    title: "Wire report on the vote in New York",
    kind: "media",
    originator: "A news agency's UN bureau",
    originatorKey: null,
    reliability: "B",
    description: "Same-day report with quotes from the ambassadors.",
  },
  pyongyangStatement: {
    title: "Foreign ministry statement on the talks",
    kind: "official_statement",
    originator: "North Korean foreign ministry",
    originatorKey: "northKorea",
    reliability: "D",
    description: "Carried by the state news agency; says what Pyongyang wants heard.",
  },
  embassyContact: {
    title: "Contact at a European embassy in Beijing",
    kind: "human",
    originator: "",
    originatorKey: null,
    reliability: "C",
    description: "Diplomat with access to the hosts' planning; right before, not always.",
  },
} as const;

export type DemoKey = keyof typeof DEMO_ACTORS | keyof typeof DEMO_EVENTS | keyof typeof DEMO_SOURCES;
type Ids = Record<DemoKey, string>;

/** A citation of a demo source after the passage it supports. */
const cite = (ids: Ids, key: keyof typeof DEMO_SOURCES, credibility: string, locator = ""): DocNode => ({
  type: "citation",
  attrs: { id: `demo-${key}-${credibility}-${locator.replace(/\W+/g, "")}`, sourceId: ids[key], credibility, locator, obtainedOn: null },
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
  /** Its handling marking (TLP): a brief meant for the public is clear, working notes are not. */
  marking: TlpLevel;
  content: (ids: Ids) => DocNode;
}

export const DEMO_NOTES: DemoNote[] = [
  {
    title: "Security Council answers the North Korean test",
    kind: "brief",
    status: "draft",
    marking: "clear",
    content: (ids) =>
      doc(
      keyJudgments(
        {
          id: "demo-china-enforcement",
          text: "China will likely enforce the resolution's financial measures only in part through 2007.",
          confidence: "moderate",
          assumptions: "Beijing keeps putting stability on its border ahead of pressure on Pyongyang.",
        },
        { id: "demo-second-test", text: "A second North Korean nuclear test before the talks resume is unlikely.", confidence: "low" },
      ),
      paragraph(
        text("14 October 2006", [{ type: "bold" }]),
        text(" — Five days after the "),
        mention(ids, "nuclearTest"),
        text(", the "),
        mention(ids, "securityCouncil"),
        text(" voted unanimously for Resolution 1718."),
        cite(ids, "councilRecord", "1", "S/PV.5551, p. 2"),
      ),
      paragraph(
        text("The text bans trade in heavy weapons and nuclear and missile materials, freezes assets tied to those programmes and allows cargo inspections. It stops short of any threat of force: "),
        mention(ids, "china"),
        text(" and "),
        mention(ids, "russia"),
        text(" would not accept more."),
        cite(ids, "wireReport", "2", "para. 6"),
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
    marking: "amber",
    content: (ids) =>
      doc(
      paragraph(
        mention(ids, "northKorea"),
        text(" has said it will return to the six-party talks ("),
        mention(ids, "beijingRound"),
        text("), a year after walking out over US financial measures against a Macau bank."),
        cite(ids, "pyongyangStatement", "2"),
      ),
      // What an embassy contact said stays in the organisation: a portion mark above the note's own.
      marked(
        "amber+strict",
        paragraph(
          text("The condition it sets is plain: the financial sanctions must be on the table. Washington says the banking issue belongs in a separate working group. The gap between those positions is the first thing the Beijing round has to close."),
          cite(ids, "embassyContact", "3", "meeting of 12 December"),
        ),
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
    marking: "green",
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
