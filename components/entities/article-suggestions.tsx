import Link from "next/link";
import type { Actor } from "@/lib/auth/permissions";
import { canLinkPassages } from "@/lib/entities/permissions";
import { ENTITY_TYPE_LABELS } from "@/lib/entities/schemas";
import { listArticleSuggestions, type SuggestionView } from "@/lib/entities/suggestions";
import { AcceptAllButton, AmbiguousChoice, DismissButton, ProposalControls, SuggestionButtons } from "./suggestion-controls";
import "./entities.css";

function Context({ s }: { s: SuggestionView }) {
  const before = s.before.replace(/^\S*\s/, "");
  const after = s.after.replace(/\s\S*$/, "");
  return (
    <span className="context">
      …{before}
      <mark>{s.exact}</mark>
      {after}…
    </span>
  );
}

function groupBy<T>(items: T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.entries()];
}

/**
 * The open mention suggestions of an article: known entities (accept one, all, or dismiss),
 * ambiguous mentions (choose which entity), and proposed new entities (create and link).
 */
export async function ArticleSuggestions({ actor, articleId }: { actor: Actor; articleId: string }) {
  const { suggestions } = await listArticleSuggestions(actor, articleId);
  const canDecide = canLinkPassages(actor);
  const known = suggestions.filter((s) => s.entity && !s.ambiguous);
  const ambiguous = suggestions.filter((s) => s.entity && s.ambiguous);
  const proposals = suggestions.filter((s) => !s.entity);
  return (
    <section className="card" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">Suggested mentions</h2>
      {suggestions.length === 0 ? <p className="muted">No open suggestions for this article.</p> : null}

      {groupBy(known, (s) => s.entity!.id).map(([entityId, rows]) => {
        const entity = rows[0].entity!;
        return (
          <div key={entityId} className="suggestion-group" role="group" aria-label={`Mentions of ${entity.name}`}>
            <h3>
              <Link href={`/entities/${entity.id}`}>{entity.name}</Link> <span className="tag">{ENTITY_TYPE_LABELS[entity.type]}</span>
              {canDecide && rows.length > 1 ? (
                <AcceptAllButton articleId={articleId} entityId={entity.id} entityName={entity.name} count={rows.length} />
              ) : null}
            </h3>
            {rows.map((s, i) => (
              <div key={s.id} className="suggestion-row">
                <Context s={s} />
                {canDecide ? (
                  <SuggestionButtons articleId={articleId} suggestionId={s.id} subject={`“${s.exact}” (mention ${i + 1} of ${entity.name})`} />
                ) : null}
              </div>
            ))}
          </div>
        );
      })}

      {ambiguous.length > 0 ? <h3>Ambiguous mentions</h3> : null}
      {groupBy(ambiguous, (s) => `${s.start}:${s.end}`).map(([span, rows]) => (
        <div key={span} className="suggestion-group" role="group" aria-label={`Ambiguous mention “${rows[0].exact}”`}>
          <div className="suggestion-row">
            <Context s={rows[0]} />
            <span className="tag warn">shared alias</span>
          </div>
          {canDecide ? (
            <div className="verdicts">
              {rows.map((s) => (
                <AmbiguousChoice key={s.id} articleId={articleId} suggestionId={s.id} entityName={s.entity!.name} exact={s.exact} />
              ))}
              <DismissButton articleId={articleId} suggestionId={rows[0].id} subject={`ambiguous “${rows[0].exact}”`} />
            </div>
          ) : (
            <p className="muted">Could be {rows.map((s) => s.entity!.name).join(" or ")}.</p>
          )}
        </div>
      ))}

      {proposals.length > 0 ? (
        <details className="suggestion-proposals">
          <summary>
            Possible new entities <span className="muted">({new Set(proposals.map((s) => s.proposedName)).size} names found in the text)</span>
          </summary>
          {groupBy(proposals, (s) => s.proposedName ?? s.exact).map(([name, rows]) => (
            <div key={name} className="suggestion-group" role="group" aria-label={`Proposed entity ${name}`}>
              <div className="suggestion-row">
                <strong>{name}</strong> <span className="tag">{ENTITY_TYPE_LABELS[rows[0].proposedType ?? "OTHER"]}</span>
                <span className="muted">{rows.length === 1 ? "1 mention" : `${rows.length} mentions`}</span>
              </div>
              <div className="suggestion-row">
                <Context s={rows[0]} />
              </div>
              {canDecide ? (
                <ProposalControls articleId={articleId} suggestionId={rows[0].id} proposedName={name} proposedType={rows[0].proposedType ?? "OTHER"} />
              ) : null}
            </div>
          ))}
        </details>
      ) : null}
    </section>
  );
}
