/**
 * Handling markings: the Traffic Light Protocol 2.0 (FIRST, 2022), in order
 * from the least to the most restrictive. A note carries one, any block may
 * carry a portion mark, and what a note or edition shows as its banner is the
 * highest of them. No imports, so the schema, the server and the editor read
 * the same file.
 */

export const TLP_LEVELS = ["clear", "green", "amber", "amber+strict", "red"] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

/** A new team's marking for its notes until its owners choose another: no limit, as before markings existed. */
export const DEFAULT_TLP: TlpLevel = "clear";

export const TLP_LABELS: Record<TlpLevel, string> = {
  clear: "TLP:CLEAR",
  green: "TLP:GREEN",
  amber: "TLP:AMBER",
  "amber+strict": "TLP:AMBER+STRICT",
  red: "TLP:RED",
};

/** Who may receive what carries the mark, in the standard's sense, for the pickers and the banner's title. */
export const TLP_MEANINGS: Record<TlpLevel, string> = {
  clear: "No limit on disclosure",
  green: "The recipient's community, not public channels",
  amber: "The recipient's organisation and its clients, on a need-to-know basis",
  "amber+strict": "The recipient's organisation only",
  red: "Named recipients only, no further",
};

export function isTlpLevel(value: unknown): value is TlpLevel {
  return typeof value === "string" && (TLP_LEVELS as readonly string[]).includes(value);
}

/** The most restrictive of the marks given; absent marks count for nothing. */
export function highestMarking(...levels: (TlpLevel | null | undefined)[]): TlpLevel | null {
  let highest: TlpLevel | null = null;
  for (const level of levels) {
    if (level && (highest === null || TLP_LEVELS.indexOf(level) > TLP_LEVELS.indexOf(highest))) highest = level;
  }
  return highest;
}

/** Whether something marked `level` may be published to anyone with the link: only TLP:CLEAR may. */
export function mayBePublic(level: TlpLevel): boolean {
  return level === "clear";
}
