import type { EntityInput } from "@/lib/entities/validation";

/**
 * What an import read from a file (a CSV of actors or events, a STIX 2.1
 * bundle), before it is compared with the team's entities. Every format's
 * reader gives this; one planner (lib/interop/entity-import.ts) says what
 * would be created, merged or skipped, and writes it in one transaction.
 */
export interface ImportRow {
  /** Where it is in the file, for messages: the CSV's line number, the object's place in the bundle. */
  line: number;
  /** What the file calls it: "line 12", or the STIX id. Participants refer to rows by it. */
  ref: string;
  input: EntityInput;
}

/** A part of the file that will not be imported, and why, in a sentence for the user. */
export interface ImportProblem {
  line: number;
  ref: string;
  message: string;
}

/** An actor's part in an event, between two rows of the same file (a STIX relationship). */
export interface ImportParticipation {
  eventRef: string;
  actorRef: string;
  role: string;
}

export interface ParsedImport {
  rows: ImportRow[];
  problems: ImportProblem[];
  participations: ImportParticipation[];
}
