"use server";

import { z } from "zod";
import { teamAction } from "@/lib/action";
import { ENTITY_KINDS } from "@/lib/entity-kinds";
import { CSV_FIELD_KEYS, CSV_LIMITS } from "@/lib/interop/csv/fields";
import { readCsvText } from "@/lib/interop/csv/read";
import { applyImport, planImport } from "@/lib/interop/entity-import";
import { previewOf } from "@/lib/interop/import-preview";

const csvImport = z.object({
  team: z.string(),
  csv: z.string().min(1, "Choose a CSV file.").max(CSV_LIMITS.bytes, `This file is larger than ${CSV_LIMITS.bytes / 1024 / 1024} MB; split it into smaller files.`),
  mapping: z.array(z.enum(CSV_FIELD_KEYS).nullable()).max(CSV_LIMITS.columns, `At most ${CSV_LIMITS.columns} columns.`),
  kind: z.enum(ENTITY_KINDS),
});

/** What importing the CSV would do, writing nothing. */
export const previewCsvImportAction = teamAction(csvImport, "entity.update", async (input, { team }) =>
  previewOf(await planImport(team.id, readCsvText(input.csv, input.mapping, input.kind))),
);

/** Imports the CSV's actors and events, planned again and written in one transaction. */
export const importCsvAction = teamAction(csvImport, "entity.update", async (input, { team, user }) =>
  applyImport(team.id, user.id, readCsvText(input.csv, input.mapping, input.kind), "csv"),
);
