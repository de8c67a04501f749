import "server-only";
import { z } from "zod";
import { ENTITY_KINDS } from "@/lib/entity-kinds";
import { can, teamScope } from "@/lib/policies";
import { parseSearchFilters, withKnownSource } from "@/lib/search/filters";
import { MAX_QUERY_LENGTH } from "@/lib/search/query";
import { searchTeam } from "@/lib/search/search";
import { sourceOptions } from "@/lib/sources/options";
import { endpoint } from "../endpoint";
import { iso, timestamp } from "../schemas";

const snippet = z.string().meta({ description: "The text around the match; matched words are between U+E000 and U+E001." });

const searchResults = z
  .object({
    notes: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.string(), kind: z.string(), updatedAt: timestamp, snippet })).meta({
      description: "Drafts, for roles that read them (empty for readers).",
    }),
    briefs: z.array(z.object({ noteId: z.uuid(), number: z.number().int(), title: z.string(), dateline: z.string(), snippet })).meta({
      description: "Published briefs, for readers (who search what is published instead of drafts).",
    }),
    entities: z.array(z.object({ id: z.uuid(), kind: z.enum(ENTITY_KINDS), name: z.string(), aliases: z.array(z.string()) })),
    comments: z.array(z.object({ noteId: z.uuid(), noteTitle: z.string(), threadId: z.uuid(), snippet })),
  })
  .meta({ id: "SearchResults" });

export const searchEndpoints = [
  endpoint({
    id: "search",
    method: "GET",
    path: "/search",
    tag: "Search",
    summary: "Search the team",
    description: "The search of the team's search page, with the same rules: drafts and comments for those who read drafts, published briefs for readers.",
    scope: "read",
    permission: "team.read",
    query: z.object({
      q: z.string().trim().min(1, "Give the words to search for.").max(MAX_QUERY_LENGTH).meta({ example: "port reopened" }),
      tag: z.string().max(60).optional(),
      source: z.uuid().optional().meta({ description: "Only what cites this source of the register (for roles that read it)." }),
    }),
    response: { status: 200, description: "What matched, by kind.", schema: searchResults },
    async handle({ query, actor, team }) {
      const parsed = parseSearchFilters({ q: query.q, tag: query.tag, source: query.source });
      // As on the search page: those who read the register filter by a source of it; readers' filter applies to the endnotes of what they read.
      const filters = can(actor, "source.read", teamScope(team)) ? withKnownSource(parsed, await sourceOptions(team.id)).filters : parsed;
      const results = await searchTeam(actor, filters);
      return { ...results, notes: results.notes.map((note) => ({ ...note, updatedAt: iso(note.updatedAt) })) };
    },
  }),
];
