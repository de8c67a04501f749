"use client";

import { useRefreshOn } from "../useRefreshOn";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import type { Suppression } from "@/lib/tradecraft/estimative-check";
import { LIKELIHOOD_SCALES, type LikelihoodScaleId, type LikelihoodWording } from "@/lib/tradecraft/likelihood";
import { EstimativeMarks, estimativeMarksKey } from "./estimative-marks";

/** What the estimative-language marks are drawn against: the team's standards and the passages set aside, from the page. */
export interface EstimativeSettings {
  scale: LikelihoodScaleId;
  wording: LikelihoodWording;
  setAside: Suppression[];
}

/** The settings the marks read on each check: kept outside React's render, set by useEstimativeUpkeep. */
class LatestSettings {
  constructor(
    public settings: EstimativeSettings,
    public editable: boolean,
  ) {}

  set(settings: EstimativeSettings, editable: boolean) {
    this.settings = settings;
    this.editable = editable;
  }
}

/**
 * The editor's estimative-language marks: the extension, made once, reads
 * the latest settings on each check (useEstimativeUpkeep keeps them, draws
 * the marks again when they change, and reads the page again when someone
 * sets a finding aside or restores one elsewhere: the "findings" message).
 */
export function useEstimativeMarks(settings: EstimativeSettings, editable: boolean) {
  const [latest] = useState(() => new LatestSettings(settings, editable));
  const [extension] = useState(() =>
    EstimativeMarks.configure({
      scale: () => LIKELIHOOD_SCALES[latest.settings.scale],
      wording: () => latest.settings.wording,
      suppressions: () => latest.settings.setAside,
      focusable: () => !latest.editable,
    }),
  );
  return { extension, latest };
}

/** Keeps the marks of `useEstimativeMarks` in step with the page's settings and with findings set aside elsewhere. */
export function useEstimativeUpkeep(
  editor: Editor | null,
  provider: HocuspocusProvider,
  { latest }: ReturnType<typeof useEstimativeMarks>,
  settings: EstimativeSettings,
  editable: boolean,
) {
  useEffect(() => {
    latest.set(settings, editable);
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(estimativeMarksKey, true).setMeta("addToHistory", false));
  }, [editor, latest, settings, editable]);

  // A finding set aside or shown again elsewhere: the page reads the note's set-aside findings again.
  useRefreshOn(provider, "findings");
}
