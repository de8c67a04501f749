import { z } from "zod";
import { LIKELIHOOD_SCALE_IDS, LIKELIHOOD_SCALES, LIKELIHOOD_WORDINGS } from "./likelihood";
import { TLP_LABELS, TLP_LEVELS } from "./tlp";

/**
 * The zod fields of the tradecraft choices a form or action may send: each
 * refuses anything not in its list with a sentence that names what it takes.
 */

export const tlpLevelField = z.enum(TLP_LEVELS, {
  error: `Choose a handling marking: ${TLP_LEVELS.map((level) => TLP_LABELS[level]).join(", ")}.`,
});

export const likelihoodScaleField = z.enum(LIKELIHOOD_SCALE_IDS, {
  error: `Choose a scale of likelihood Dossier knows: ${LIKELIHOOD_SCALE_IDS.map((id) => LIKELIHOOD_SCALES[id].name).join(" or ")}.`,
});

export const likelihoodWordingField = z.enum(LIKELIHOOD_WORDINGS, {
  error: "Choose how briefs word their likelihoods: either column but not both mixed, the terms only, or the alternatives only.",
});

/** A team's standards as its owners choose them on the settings page. */
export const teamStandardsInput = z.object({ likelihoodScale: likelihoodScaleField, likelihoodWording: likelihoodWordingField, defaultMarking: tlpLevelField });
