/**
 * Analyst prose of a given length, as a note body: sections with headings,
 * paragraphs of assessment, bullet lists of indicators, and mentions of the
 * team's actors and events. Generated from a seed, so every run opens the
 * same note.
 */
import type { DocNode } from "@/lib/editor/document";
import { entityKind, type EntityKind } from "@/lib/entity-kinds";

interface Mentionable {
  id: string;
  name: string;
  kind: EntityKind;
}

type Inline = { type: "text"; text: string } | { type: "mention"; attrs: { id: string; label: string; mentionSuggestionChar: string } };

const SUBJECTS = [
  "the delegation", "the foreign ministry", "the envoy", "the spokesperson", "the committee", "the negotiating team",
  "the defence ministry", "the council's president", "the mission in New York", "senior officials", "the opposition",
  "the central bank", "the monitoring team", "the inspectors", "regional partners", "the coalition",
];
const VERBS = [
  "signalled", "rejected", "welcomed", "questioned", "postponed", "confirmed", "played down", "insisted on",
  "proposed", "called for", "warned against", "hinted at", "accepted", "disputed", "reaffirmed", "withdrew",
];
const OBJECTS = [
  "a return to the talks", "a phased freeze of enrichment", "the draft resolution", "a verification regime",
  "new financial measures", "the humanitarian exemption", "a joint statement", "the inspection schedule",
  "an easing of sanctions", "the deadline set last month", "a second round of consultations", "the list of designated entities",
  "a moratorium on missile tests", "the text agreed by the working group", "a package of incentives", "the timetable for withdrawal",
];
const QUALIFIERS = [
  "according to two officials present", "in a statement issued late on Friday", "after a week of closed consultations",
  "despite earlier assurances", "while leaving room for compromise", "in language that was notably softer than before",
  "without naming a date", "on condition that the freeze is verified", "in remarks to reporters", "for the first time since the spring",
];
const ASSESSMENTS = [
  "We judge this to be a tactical move rather than a change of course.",
  "The timing suggests a link to the domestic budget debate.",
  "Sources differ on whether the offer was coordinated in advance.",
  "This is consistent with the pattern we described in the previous brief.",
  "Confidence in this reading is moderate: the reporting rests on a single channel.",
  "A reversal within weeks cannot be ruled out.",
  "The market reaction was muted, which suggests the step was expected.",
  "Neither side has an interest in a public breakdown before the summit.",
];
const TOPICS = [
  "Negotiating positions", "Sanctions and enforcement", "Regional reactions", "Verification and access", "Economic pressure",
  "Domestic politics", "Military posture", "Outlook", "Key uncertainties", "Chronology of contacts",
];
const INDICATORS = [
  "a visit by inspectors to the declared sites", "a change in the tone of state media", "movement of the envoy between capitals",
  "an emergency session of the council", "new designations by the treasury", "a pause in test launches", "a call between the two leaders",
  "a shift in fuel shipments across the border",
];

/** A small deterministic generator (LCG), so the same seed writes the same note. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] };
}

const capitalise = (s: string) => s[0].toUpperCase() + s.slice(1);
const countWords = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** A note body of about `words` words; its last paragraph ends with `endMarker`, so a reader can tell it is all there. */
export function analystProse(words: number, entities: Mentionable[], options: { seed?: number; endMarker?: string } = {}): DocNode {
  const { next, pick } = seeded(options.seed ?? 7);
  const actors = entities.filter((e) => e.kind === "actor");
  const events = entities.filter((e) => e.kind === "event");
  const mention = (entity: Mentionable): Inline => ({
    type: "mention",
    attrs: { id: entity.id, label: entity.name, mentionSuggestionChar: entityKind(entity.kind).trigger },
  });
  const text = (value: string): Inline => ({ type: "text", text: value });

  const blocks: DocNode[] = [];
  let written = 0;
  let section = 0;

  const sentence = (): { inline: Inline[]; words: number } => {
    const roll = next();
    if (roll < 0.25 && actors.length) {
      // "<Actor> <verb> <object>, <qualifier>."
      const actor = pick(actors);
      const rest = ` ${pick(VERBS)} ${pick(OBJECTS)}, ${pick(QUALIFIERS)}. `;
      return { inline: [mention(actor), text(rest)], words: countWords(actor.name) + countWords(rest) };
    }
    if (roll < 0.35 && events.length) {
      const event = pick(events);
      const before = `Since the `;
      const after = `, ${pick(SUBJECTS)} has ${pick(VERBS)} ${pick(OBJECTS)}. `;
      return { inline: [text(before), mention(event), text(after)], words: countWords(before) + countWords(event.name) + countWords(after) };
    }
    const plain = roll < 0.55 ? `${pick(ASSESSMENTS)} ` : `${capitalise(pick(SUBJECTS))} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(QUALIFIERS)}. `;
    return { inline: [text(plain)], words: countWords(plain) };
  };

  while (written < words) {
    if (written === 0 || next() < 0.08) {
      section += 1;
      const title = `${section}. ${pick(TOPICS)}`;
      blocks.push({ type: "heading", attrs: { level: 2 }, content: [text(title)] });
      written += countWords(title);
    }
    if (next() < 0.15) {
      const items = Array.from({ length: 3 + Math.floor(next() * 3) }, () => `Watch for ${pick(INDICATORS)}.`);
      blocks.push({ type: "bulletList", content: items.map((item) => ({ type: "listItem", content: [{ type: "paragraph", content: [text(item)] }] })) });
      written += items.reduce((sum, item) => sum + countWords(item), 0);
      continue;
    }
    const inline: Inline[] = [];
    for (let i = 3 + Math.floor(next() * 4); i > 0 && written < words; i--) {
      const made = sentence();
      inline.push(...made.inline);
      written += made.words;
    }
    const last = inline.at(-1);
    if (last?.type === "text") last.text = last.text.trimEnd();
    blocks.push({ type: "paragraph", content: inline });
  }
  if (options.endMarker) blocks.push({ type: "paragraph", content: [text(options.endMarker)] });
  return { type: "doc", content: blocks };
}
