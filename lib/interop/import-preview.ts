import type { EntityKind } from "@/lib/entity-kinds";
import type { ImportProblem } from "./import-rows";
import type { ImportPlan, RowPlan } from "./import-plan";

/** A row of the preview: what it is, and what the import would do with it in a few words. */
export interface PreviewRow {
  line: number;
  kind: EntityKind;
  name: string;
  detail: string;
  /** The team's entity it is merged into or names, with a link on the page. */
  entity?: { id: string; kind: EntityKind; name: string };
}

/**
 * What an import would do, for the page before anything is written: the
 * counts, the first rows of each group and the problems. Any format's
 * reader (CSV, STIX) gives one through the planner.
 */
export interface ImportPreview {
  counts: { create: number; merge: number; skip: number; problems: number; participations: number };
  groups: Record<RowPlan["action"], PreviewRow[]>;
  problems: ImportProblem[];
}

/** What an import wrote, for the page after it. */
export interface ImportOutcome {
  created: number;
  merged: number;
  skipped: number;
  participations: number;
  /** The first entities created or merged, for links. */
  entities: { id: string; kind: EntityKind; name: string; action: "create" | "merge" }[];
}

const SHOWN_ROWS = 10;
const SHOWN_PROBLEMS = 100;

const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function detailOf(plan: RowPlan): string {
  const { input } = plan.row;
  if (plan.action === "skip") return plan.reason;
  if (plan.action === "create") {
    const parts = [input.aliases.length ? counted(input.aliases.length, "alias", "aliases") : "", input.tags.length ? counted(input.tags.length, "tag", "tags") : ""].filter(Boolean);
    return parts.length ? `New, with ${parts.join(" and ")}.` : "New.";
  }
  const adds = [
    plan.aliases.length ? `aliases ${plan.aliases.map((alias) => `“${alias}”`).join(", ")}` : "",
    plan.tags.length ? `tags ${plan.tags.map((tag) => `“${tag}”`).join(", ")}` : "",
    plan.filled.length ? `its empty ${plan.filled.join(", ")}` : "",
  ].filter(Boolean);
  return `Adds ${adds.join("; ")}.`;
}

function previewRow(plan: RowPlan): PreviewRow {
  const entity = plan.action === "create" ? undefined : plan.entity;
  return {
    line: plan.row.line,
    kind: plan.row.input.kind,
    name: plan.row.input.name,
    detail: detailOf(plan),
    entity: entity && { id: entity.id, kind: entity.kind, name: entity.name },
  };
}

export function previewOf(plan: ImportPlan): ImportPreview {
  const of = (action: RowPlan["action"]) => plan.rows.filter((row) => row.action === action);
  const groups = { create: of("create"), merge: of("merge"), skip: of("skip") };
  return {
    counts: {
      create: groups.create.length,
      merge: groups.merge.length,
      skip: groups.skip.length,
      problems: plan.problems.length,
      participations: plan.participations.length,
    },
    groups: {
      create: groups.create.slice(0, SHOWN_ROWS).map(previewRow),
      merge: groups.merge.slice(0, SHOWN_ROWS).map(previewRow),
      skip: groups.skip.slice(0, SHOWN_ROWS).map(previewRow),
    },
    problems: plan.problems.slice(0, SHOWN_PROBLEMS),
  };
}
