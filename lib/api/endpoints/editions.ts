import "server-only";
import { z } from "zod";
import { VISIBILITIES, type Edition } from "@/db/schema";
import { authorize, can, teamScope } from "@/lib/policies";
import { STIX_CONTENT_TYPE, stixBundleForEdition } from "@/lib/interop/stix/load";
import { editionDocument, exportBody } from "@/lib/publishing/export";
import { findTeamEdition, publishedBriefs } from "@/lib/publishing/queries";
import { TLP_LEVELS } from "@/lib/tradecraft/tlp";
import { endpoint } from "../endpoint";
import { idParam, iso, timestamp } from "../schemas";

/** How many briefs the list gives: the latest edition of each, newest first. */
const LISTED = 200;

const editionFields = {
  id: z.uuid(),
  noteId: z.uuid().meta({ description: "The brief's note." }),
  number: z.number().int().meta({ description: "1 for the brief's first edition." }),
  title: z.string(),
  dateline: z.string(),
  summary: z.string(),
  visibility: z.enum(VISIBILITIES),
  marking: z.enum(TLP_LEVELS),
  tags: z.array(z.string()),
  authors: z.array(z.string()),
  publishedAt: timestamp,
};
const editionSummary = z.object(editionFields).meta({ id: "EditionSummary" });
const editionSchema = z
  .object({ ...editionFields, markdown: z.string().meta({ description: "The edition as Markdown, with its endnotes, as the Markdown export gives it." }) })
  .meta({ id: "Edition" });

/** A STIX 2.1 bundle (lib/interop/stix/): its objects are described by the STIX 2.1 specification, not here. */
const stixBundle = z
  .object({
    type: z.literal("bundle"),
    id: z.string().meta({ example: "bundle--6ba7b810-9dad-51d1-80b4-00c04fd430c8" }),
    objects: z.array(z.looseObject({ type: z.string(), id: z.string() })),
  })
  .meta({ id: "StixBundle", description: "A STIX 2.1 bundle: the report, its actors, places and events, relationships, markings and sources." });

const fieldsOf = (edition: Edition) => ({
  id: edition.id,
  noteId: edition.noteId,
  number: edition.number,
  title: edition.title,
  dateline: edition.dateline,
  summary: edition.summary,
  visibility: edition.visibility,
  marking: edition.marking,
  tags: edition.tags,
  authors: edition.authors,
  publishedAt: iso(edition.publishedAt),
});

export const editionEndpoints = [
  endpoint({
    id: "listEditions",
    method: "GET",
    path: "/editions",
    tag: "Editions",
    summary: "List the team's published briefs",
    description: `The latest live edition of each brief, newest first (the ${LISTED} latest briefs).`,
    scope: "read",
    permission: "team.read",
    response: { status: 200, description: "The briefs.", schema: z.object({ items: z.array(editionSummary) }) },
    async handle({ actor, team }) {
      const editions = await publishedBriefs(team.id, { limit: LISTED });
      return { items: editions.filter((edition) => can(actor, "edition.read", edition)).map(fieldsOf) };
    },
  }),
  endpoint({
    id: "getEdition",
    method: "GET",
    path: "/editions/{id}",
    tag: "Editions",
    summary: "Read an edition",
    description: "Any live edition of the team's briefs, with its text as Markdown.",
    scope: "read",
    permission: "team.read",
    params: idParam,
    response: { status: 200, description: "The edition.", schema: editionSchema },
    async handle({ params, actor, team }) {
      const edition = await findTeamEdition(team.id, params.id);
      authorize(actor, "edition.read", edition);
      return { ...fieldsOf(edition), markdown: exportBody("md", await editionDocument(edition, team)) };
    },
  }),
  endpoint({
    id: "getEditionStix",
    method: "GET",
    path: "/editions/{id}/stix",
    tag: "Editions",
    summary: "An edition as a STIX 2.1 bundle",
    description: "The same bundle as the edition's STIX download, with what the team knows of the actors and events it names. Ids are stable across exports.",
    scope: "read",
    permission: "team.read",
    params: idParam,
    response: { status: 200, description: "The bundle.", schema: stixBundle, contentType: STIX_CONTENT_TYPE },
    async handle({ params, actor, team }) {
      const edition = await findTeamEdition(team.id, params.id);
      authorize(actor, "edition.read", edition);
      const bundle = await stixBundleForEdition(edition, team, { entityDetails: can(actor, "entity.read", teamScope(team)) });
      return { ...bundle, objects: bundle.objects.map((object) => ({ ...object })) };
    },
  }),
];
