import { TLP_LABELS, type TlpLevel } from "@/lib/tradecraft/tlp";

/**
 * The TLP 2.0 marking definitions as OASIS publishes them (the TLP 2.0
 * extension of cti-stix-common-objects): their ids, names and creation date
 * are part of the standard, so every producer sends the very same objects
 * and a consumer knows them by id.
 */
export const TLP_2_EXTENSION_ID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

export const TLP_MARKING_IDS: Record<TlpLevel, string> = {
  clear: "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
  green: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
  amber: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
  "amber+strict": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
  red: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
};

/** The standard's marking-definition object for a level, exactly as published. */
export const tlpMarkingDefinition = (level: TlpLevel) => ({
  type: "marking-definition" as const,
  spec_version: "2.1" as const,
  id: TLP_MARKING_IDS[level],
  created: "2022-10-01T00:00:00.000Z",
  name: TLP_LABELS[level],
  extensions: { [TLP_2_EXTENSION_ID]: { extension_type: "property-extension", tlp_2_0: level } },
});
