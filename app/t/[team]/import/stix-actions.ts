"use server";

import { z } from "zod";
import { teamAction } from "@/lib/action";
import { applyImport, planImport } from "@/lib/interop/entity-import";
import { previewOf } from "@/lib/interop/import-preview";
import { MAX_BUNDLE_BYTES, parseStixBundle } from "@/lib/interop/stix/parse";

const stixImport = z.object({
  team: z.string(),
  // Characters, a first bound; the reader counts the bytes.
  bundle: z.string().min(1, "Choose a STIX 2.1 bundle (a .json file).").max(MAX_BUNDLE_BYTES, "A bundle may be at most 10 MB."),
});

/** What importing the bundle's actors, places and events would do, writing nothing. */
export const previewStixImportAction = teamAction(stixImport, "entity.update", async (input, { team }) => previewOf(await planImport(team.id, parseStixBundle(input.bundle))));

/** Imports the bundle's actors, places, events and participations, planned again and written in one transaction. */
export const importStixAction = teamAction(stixImport, "entity.update", async (input, { team, user }) => applyImport(team.id, user.id, parseStixBundle(input.bundle), "stix"));
