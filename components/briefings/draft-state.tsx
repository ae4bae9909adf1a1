"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { LocalDate } from "@/components/ui/local-date";
import type { RenderedBriefing } from "@/lib/briefings/render";
import type { Blocker } from "@/lib/briefings/schemas";
import { BlockerList } from "./blocker-list";
import { BriefingBody } from "./briefing-body";
import { SourceNotes } from "./source-notes";

/** What the composer page shows of one saved version of the draft. */
export type DraftState = { version: number; preview: RenderedBriefing; blockers: readonly Blocker[] };

const DraftContext = createContext<{ state: DraftState; show: (state: DraftState) => void } | null>(null);

/**
 * Holds the preview and the publishing checklist of the newest saved version: the page renders
 * them from `initial`, each save's answer brings its own, and whichever version is newer is shown,
 * in whatever order a save's answer and a refreshed page arrive.
 */
export function DraftStateProvider({ initial, children }: { initial: DraftState; children: ReactNode }) {
  const [saved, show] = useState(initial);
  const state = saved.version > initial.version ? saved : initial;
  return <DraftContext value={{ state, show }}>{children}</DraftContext>;
}

function useDraftContext() {
  const context = useContext(DraftContext);
  if (!context) throw new Error("Draft previews are shown inside DraftStateProvider.");
  return context;
}

/** For the composer: shows what a save answered. */
export function useShowSavedDraft(): (state: DraftState) => void {
  return useDraftContext().show;
}

export function DraftPreview() {
  const { preview } = useDraftContext().state;
  return (
    <div className="public-briefing">
      <BriefingBody html={preview.html} timelines={preview.timelines} />
      <SourceNotes notes={preview.notes} dateAs={LocalDate} />
    </div>
  );
}

/** The publishing checklist of a draft (a published or retracted briefing says so instead, on the page). */
export function DraftChecklist() {
  const { blockers } = useDraftContext().state;
  if (blockers.length === 0) return <p className="alert success">Nothing blocks publishing.</p>;
  return (
    <>
      <h3>Before it can be published</h3>
      <BlockerList blockers={blockers} label="Before it can be published" />
    </>
  );
}
