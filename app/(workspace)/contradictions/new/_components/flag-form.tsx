"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { ActionOutcome } from "@/components/contradictions/action-outcome";
import { useActionForm } from "@/components/ui/use-action-form";
import { Alert } from "@/components/ui/alert";
import { MAX_SUMMARY } from "@/lib/contradictions/schemas";
import { flagContradictionAction, searchPassagesAction } from "../actions";

export type PassageChoice = { annotationId: string; articleId: string; label: string };

export function FlagForm({ preselected }: { preselected: PassageChoice[] }) {
  const router = useRouter();
  const { pending, result, onSubmit } = useActionForm(flagContradictionAction);
  const [chosen, setChosen] = useState<PassageChoice[]>(preselected);
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<PassageChoice[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [searching, startSearch] = useTransition();

  useEffect(() => {
    if (result?.ok) router.push(`/contradictions/${result.data.id}`);
  }, [result, router]);

  function search() {
    startSearch(async () => {
      const outcome = await searchPassagesAction(query);
      if (!outcome.ok) {
        setSearchError(outcome.error);
        return;
      }
      setSearchError(null);
      setFound(
        outcome.data.map((p) => ({ annotationId: p.annotationId, articleId: p.article.id, label: `${p.article.outlet ?? p.article.title}: “${p.exact}”` })),
      );
    });
  }

  const toggle = (passage: PassageChoice, on: boolean) =>
    setChosen((list) =>
      on ? [...list.filter((p) => p.annotationId !== passage.annotationId), passage] : list.filter((p) => p.annotationId !== passage.annotationId),
    );
  const oneArticle = chosen.length >= 2 && new Set(chosen.map((p) => p.articleId)).size === 1;

  return (
    <form onSubmit={onSubmit} className="card cx-form" aria-label="Flag a contradiction">
      <fieldset>
        <legend>Passages</legend>
        <div className="inline-form">
          <div className="field">
            <label htmlFor="passage-search">Find annotated passages by their words</label>
            <input
              id="passage-search"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  search();
                }
              }}
            />
          </div>
          <button type="button" className="button secondary" onClick={search} disabled={searching}>
            {searching ? "Searching…" : "Search"}
          </button>
        </div>
        {searchError ? <Alert kind="error">{searchError}</Alert> : null}
        {found && found.length === 0 ? <p className="muted">No annotated passage contains these words.</p> : null}
        {[...chosen, ...(found ?? []).filter((p) => !chosen.some((c) => c.annotationId === p.annotationId))].map((passage) => {
          const checked = chosen.some((c) => c.annotationId === passage.annotationId);
          return (
            <label key={passage.annotationId} className="cx-choice">
              <input type="checkbox" name="annotationIds" value={passage.annotationId} checked={checked} onChange={(e) => toggle(passage, e.target.checked)} />
              <span>{passage.label}</span>
            </label>
          );
        })}
        <p className="muted" role="status">
          {chosen.length} chosen; a contradiction needs at least two, from two articles unless it is internal.
          {oneArticle ? " All chosen passages are from one article: tick “internal inconsistency” below." : ""}
        </p>
      </fieldset>
      <div className="field">
        <label htmlFor="flag-summary">What do the passages disagree on?</label>
        <textarea id="flag-summary" name="summary" required maxLength={MAX_SUMMARY} />
      </div>
      <label className="cx-choice">
        <input type="checkbox" name="internal" />
        <span>Internal inconsistency: the passages are from one article that contradicts itself</span>
      </label>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Flagging…" : "Flag contradiction"}
      </button>
      <ActionOutcome result={result} />
    </form>
  );
}
