import type { DocNode } from "@/lib/editor/document";
import { JUDGMENT_NODE, KEY_JUDGMENTS_NODE } from "@/lib/editor/judgments";

/**
 * The templates every team has without a row: the shapes of what analysts
 * write most. Each heading is followed by a short prompt saying what goes
 * there, written to be typed over; the prompts use no word of a likelihood
 * scale and no hedge, so the estimative check has nothing to say of them.
 */

export const BUILT_IN_TEMPLATE_IDS = ["daily-brief", "event-note", "actor-profile"] as const;
export type BuiltInTemplateId = (typeof BUILT_IN_TEMPLATE_IDS)[number];

export interface BuiltInTemplate {
  id: BuiltInTemplateId;
  name: string;
  description: string;
  body: DocNode;
}

const text = (words: string): DocNode[] => (words ? [{ type: "text", text: words }] : []);
const heading = (words: string): DocNode => ({ type: "heading", attrs: { level: 2 }, content: text(words) });
const prompt = (words: string): DocNode => ({ type: "paragraph", content: text(words) });
const bullets = (...items: string[]): DocNode => ({ type: "bulletList", content: items.map((words) => ({ type: "listItem", content: [prompt(words)] })) });
/** A key judgments block of empty judgments, to be written; each note gets its own ids (lib/templates/instantiate.ts). */
const keyJudgments = (count: number): DocNode => ({
  type: KEY_JUDGMENTS_NODE,
  content: Array.from({ length: count }, () => ({ type: JUDGMENT_NODE, attrs: { id: null, confidence: null, assumptions: "" } })),
});
const doc = (...blocks: DocNode[]): DocNode => ({ type: "doc", content: blocks });

export const BUILT_IN_TEMPLATES: readonly BuiltInTemplate[] = [
  {
    id: "daily-brief",
    name: "Daily brief",
    description: "The day in one page: the bottom line first, then the key judgments, what happened and what to watch.",
    body: doc(
      heading("Bottom line up front"),
      prompt("Say in two sentences what changed since the last brief and why it matters to the reader."),
      keyJudgments(2),
      heading("Developments"),
      bullets("One line a development: who did what, where and when, with its source cited.", ""),
      heading("Outlook"),
      prompt("What to watch in the days ahead, and what would make the team change its judgments."),
    ),
  },
  {
    id: "event-note",
    name: "Event note",
    description: "One event as it is known: what happened, when and where, who took part, on what sources, and what it means.",
    body: doc(
      heading("What happened"),
      prompt("The event in a paragraph, as plainly as the sources allow."),
      heading("When and where"),
      prompt("The date and time, with its time zone, and the place, as precisely as they are known."),
      heading("Actors involved"),
      bullets("Mention each actor with @ and say the part it played.", ""),
      heading("Sources"),
      prompt("Which reports this rests on, where they agree and where they differ."),
      heading("Assessment"),
      prompt("What the event means, how it fits what came before, and how sure the team is of it."),
    ),
  },
  {
    id: "actor-profile",
    name: "Actor profile",
    description: "A country, organisation or person: who they are, where they come from, what they can do and what they want.",
    body: doc(
      heading("Summary"),
      prompt("Who the actor is, in three sentences."),
      heading("Background"),
      prompt("Origins, allies and the record that bears on today."),
      heading("Capabilities"),
      prompt("Means, reach and resources: what the actor is able to do."),
      heading("Intentions"),
      prompt("What the actor wants, as its statements and its actions show."),
      heading("Assessment"),
      prompt("What the team expects of the actor, and why."),
    ),
  },
];

export function isBuiltInTemplateId(id: string): id is BuiltInTemplateId {
  return (BUILT_IN_TEMPLATE_IDS as readonly string[]).includes(id);
}

export function builtInTemplate(id: BuiltInTemplateId): BuiltInTemplate {
  return BUILT_IN_TEMPLATES.find((template) => template.id === id)!;
}
