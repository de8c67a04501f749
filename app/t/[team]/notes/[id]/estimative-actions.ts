"use server";

import { teamAction } from "@/lib/action";
import { restoreFinding, setAsideFinding } from "@/lib/judgments/set-aside";
import { restoreFindingInput, setAsideFindingInput } from "@/lib/judgments/set-aside-input";
import { noteFor } from "@/lib/loaders/open";

/** Sets a finding of the estimative-language check aside on its passage (lib/judgments/set-aside.ts checks it is one). */
export const setAsideFindingAction = teamAction(setAsideFindingInput, "team.edit", async ({ noteId, kind, term, sentence, reason }, session) => {
  await setAsideFinding(await noteFor(session, noteId, "update"), session.user, { kind, term, sentence }, reason);
});

/** Raises a finding set aside again. */
export const restoreFindingAction = teamAction(restoreFindingInput, "team.edit", async ({ noteId, kind, term, sentence }, session) => {
  await restoreFinding(await noteFor(session, noteId, "update"), session.user, { kind, term, sentence });
});
