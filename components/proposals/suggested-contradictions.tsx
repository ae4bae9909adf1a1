import Link from "next/link";
import type { Actor } from "@/lib/auth/permissions";
import { canDecideProposals } from "@/lib/proposals/permissions";
import type { ContradictionCandidateView } from "@/lib/proposals/queries";
import { CandidateControls, type CandidateDecisions } from "./candidate-controls";
import "./proposals.css";

/** Suggested contradictions: both passages side by side, and why they conflict. */
export function SuggestedContradictions({
  actor,
  candidates,
  decisions,
}: {
  actor: Actor;
  candidates: ContradictionCandidateView[];
  decisions: CandidateDecisions;
}) {
  const canDecide = canDecideProposals(actor);
  if (candidates.length === 0) return <p>No suggested contradictions.</p>;
  return (
    <>
      <p className="muted">
        Found by comparing what sources say about the same happening. Confirming opens the contradiction for resolution and sign-off; a dismissal is remembered.
      </p>
      {candidates.map((c) => {
        const subject = c.event?.title ?? c.eventProposal?.title ?? "an unrecorded event";
        return (
          <article key={c.id} className="card" aria-labelledby={`candidate-${c.id}`}>
            <h2 id={`candidate-${c.id}`}>{c.reason.charAt(0).toUpperCase() + c.reason.slice(1)}</h2>
            <p className="muted">
              About {c.event ? <Link href={`/events/${c.event.id}`}>{c.event.title}</Link> : subject}
              {c.event ? null : " (proposed)"}
            </p>
            <div className="side-by-side">
              {c.sides.map((s, i) => (
                <figure key={i} aria-label={`${s.outlet ?? s.articleTitle}: ${s.label}`}>
                  <figcaption>
                    <strong>{s.outlet ?? "Unknown outlet"}</strong>: {s.label}{" "}
                    {s.accepted ? <span className="tag">recorded</span> : <span className="tag">proposed</span>}
                    <div className="muted">
                      <Link href={`/articles/${s.articleId}`}>{s.articleTitle}</Link>
                    </div>
                  </figcaption>
                  <blockquote className="proposal-quote">{s.quote}</blockquote>
                </figure>
              ))}
            </div>
            {canDecide ? <CandidateControls candidateId={c.id} subject={`“${c.reason}”`} decisions={decisions} /> : null}
          </article>
        );
      })}
    </>
  );
}
