import type { Edition } from "@/db/schema";
import { exportBody } from "@/lib/publishing/export";
import type { EditionNotice } from "@/lib/sources/edition-notices";
import { endnoteGradeDescription, kindLabel, type Endnote } from "@/lib/sources/endnote";
import { LIKELIHOOD_SCALES } from "@/lib/tradecraft/likelihood";
import { dossierIdentity, eventExtensionDefinition } from "./event-extension";
import { entityObject, entityStixId, type MentionedEntity } from "./entity-objects";
import { stixId } from "./ids";
import { judgmentNote, type FrozenJudgment } from "./judgment-notes";
import { compact, type StixBundle, type StixObject } from "./objects";
import { tlpMarkingDefinition, TLP_MARKING_IDS } from "./tlp";

/** An actor's part in an event (entity_relations), between two entities the edition mentions. */
export interface Participation {
  id: string;
  actorId: string;
  eventId: string;
  role: string;
  created: Date;
  modified: Date;
}

/** An edition and what it froze, with what the one asking may know of the entities it mentions. */
export interface EditionForStix {
  team: { id: string; name: string; createdAt: Date; updatedAt: Date };
  edition: Pick<Edition, "id" | "number" | "title" | "dateline" | "content" | "marking" | "authors" | "tags" | "publishedAt" | "likelihoodScale">;
  endnotes: readonly Endnote[];
  /** What readers are told above the text today: a cited source since retracted or downgraded. */
  notices?: readonly EditionNotice[];
  judgments: readonly FrozenJudgment[];
  entities: readonly MentionedEntity[];
  participations: readonly Participation[];
}

/** At most this many co-mentions: a sentence naming fifty actors would otherwise give over a thousand pairs. */
export const MAX_CO_MENTIONS = 500;

/** "Endnote 3. B2: usually reliable source, probably true. Media report, Reuters. p. 4; obtained 2026-03-02." */
function endnoteReference(endnote: Endnote) {
  const origin = [kindLabel(endnote.sourceKind), endnote.originator].filter(Boolean).join(", ");
  const where = [endnote.locator, endnote.obtainedOn ? `obtained ${endnote.obtainedOn}` : ""].filter(Boolean).join("; ");
  return {
    source_name: endnote.sourceTitle,
    description: [`Endnote ${endnote.ordinal}.`, `${endnoteGradeDescription(endnote)}.`, `${origin[0].toUpperCase()}${origin.slice(1)}.`, where ? `${where}.` : ""].filter(Boolean).join(" "),
  };
}

/** The latest of a time and some others (unknown ones left out), as STIX writes times. */
function latestOf(time: string, others: readonly (Date | null)[]): string {
  const latest = Math.max(Date.parse(time), ...others.filter((other): other is Date => other !== null).map((other) => other.getTime()));
  return new Date(latest).toISOString();
}

/** Pairs of entities named in the same frozen sentence, each pair once, in a stable order. */
function coMentions(entities: readonly MentionedEntity[]): { a: MentionedEntity; b: MentionedEntity; sentence: string }[] {
  const bySentence = new Map<string, MentionedEntity[]>();
  for (const entity of entities) for (const sentence of new Set(entity.snippets)) bySentence.set(sentence, [...(bySentence.get(sentence) ?? []), entity]);
  const pairs = new Map<string, { a: MentionedEntity; b: MentionedEntity; sentence: string }>();
  for (const [sentence, named] of [...bySentence].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    const sorted = [...named].sort((x, y) => (x.id < y.id ? -1 : 1));
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length; j++) {
        const key = `${sorted[i].id}:${sorted[j].id}`;
        if (!pairs.has(key)) pairs.set(key, { a: sorted[i], b: sorted[j], sentence });
      }
  }
  return [...pairs.values()].sort((x, y) => (`${x.a.id}:${x.b.id}` < `${y.a.id}:${y.b.id}` ? -1 : 1)).slice(0, MAX_CO_MENTIONS);
}

/**
 * An edition as a STIX 2.1 bundle: a report whose description is the
 * edition's Markdown export (its frozen text, never the draft's), the team
 * as its creator, the entities it mentions, participations and co-mentions
 * as relationships, key judgments as notes, all marked with the edition's
 * TLP. Every id is derived from a Dossier id and every timestamp is stored,
 * so the same edition gives the same bytes.
 */
export function editionBundle(input: EditionForStix): StixBundle {
  const { team, edition } = input;
  const published = edition.publishedAt.toISOString();
  const scale = LIKELIHOOD_SCALES[edition.likelihoodScale];
  const teamId = stixId("identity", `team:${team.id}`);
  const reportId = stixId("report", `edition:${edition.id}`);
  const marking = TLP_MARKING_IDS[edition.marking];
  const common = { created_by_ref: teamId, created: published, modified: published, object_marking_refs: [marking] };

  const identity: StixObject = {
    type: "identity",
    spec_version: "2.1",
    id: teamId,
    created: team.createdAt.toISOString(),
    modified: team.updatedAt.toISOString(),
    name: team.name,
    identity_class: "organization",
    object_marking_refs: [marking],
  };

  const inBundle = new Map(input.entities.map((entity) => [entity.id, entity]));
  const participations = input.participations.filter((p) => inBundle.has(p.actorId) && inBundle.has(p.eventId));
  const entities = input.entities.map((entity) =>
    entityObject(entity, common, {
      participants: participations.filter((p) => p.eventId === entity.id).map((p) => entityStixId(inBundle.get(p.actorId)!)),
      reportId,
    }),
  );

  const relationship = (source: string, target: string, rest: Partial<StixObject> & { id: string }): StixObject => ({
    type: "relationship",
    spec_version: "2.1",
    ...common,
    relationship_type: "related-to",
    source_ref: source,
    target_ref: target,
    ...rest,
  });
  const relationships = [
    ...participations.map((p) =>
      relationship(entityStixId(inBundle.get(p.actorId)!), entityStixId(inBundle.get(p.eventId)!), {
        id: stixId("relationship", `participation:${p.id}`),
        created: p.created.toISOString(),
        modified: p.modified.toISOString(),
        description: p.role ? `Takes part as: ${p.role}` : "Takes part",
        x_dossier_relation: "participant",
        x_dossier_role: p.role || undefined,
      }),
    ),
    ...coMentions(input.entities).map(({ a, b, sentence }) =>
      relationship(entityStixId(a), entityStixId(b), {
        id: stixId("relationship", `co-mention:${edition.id}:${a.id}:${b.id}`),
        description: `Named together in the brief: “${sentence}”`,
        x_dossier_relation: "co-mention",
      }),
    ),
  ];

  const notes = input.judgments.map((judgment) => judgmentNote(judgment, scale, { editionId: edition.id, reportId, authors: edition.authors, common }));

  const contents = [identity, ...entities, ...relationships, ...notes];
  const report: StixObject = {
    type: "report",
    spec_version: "2.1",
    id: reportId,
    ...common,
    name: edition.title,
    description: exportBody("md", {
      title: edition.title,
      subtitle: `${team.name} · ${edition.dateline} · edition ${edition.number}`,
      content: edition.content,
      endnotes: input.endnotes,
      notices: input.notices,
      what: "brief",
      marking: edition.marking,
      likelihoodScale: scale,
    }),
    // A notice changes what the report says, so it is a new version of it (STIX consumers keep the latest `modified`).
    modified: latestOf(published, (input.notices ?? []).map((notice) => notice.at)),
    published,
    report_types: ["threat-report"],
    labels: edition.tags.length > 0 ? [...edition.tags] : undefined,
    object_refs: contents.map((object) => object.id),
    external_references: input.endnotes.length > 0 ? input.endnotes.map(endnoteReference) : undefined,
    x_dossier_edition: edition.number,
    x_dossier_authors: edition.authors.length > 0 ? [...edition.authors] : undefined,
  };

  return compact({
    type: "bundle",
    id: stixId("bundle", `edition:${edition.id}`),
    objects: [tlpMarkingDefinition(edition.marking), dossierIdentity(), eventExtensionDefinition(), report, ...contents],
  });
}

/** The bundle as the download sends it: pretty-printed, so the same bundle is the same bytes. */
export const bundleJson = (bundle: StixBundle) => `${JSON.stringify(bundle, null, 2)}\n`;
