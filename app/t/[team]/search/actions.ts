"use server";

import { z } from "zod";
import { teamAction } from "@/lib/action";
import { parseSearchFilters } from "@/lib/search/filters";
import { searchTeam } from "@/lib/search/search";

/** The command palette's quick results: a few of each kind, for any member (readers see briefs). */
export const quickSearchAction = teamAction(
  z.object({ team: z.string(), q: z.string().max(10_000) }),
  "team.read",
  async (input, { actor }) => searchTeam(actor, parseSearchFilters({ q: input.q }), { limit: 5, asYouType: true }),
);
