import { EventDate } from "@/components/events/event-date";
import Link from "next/link";
import type { Actor } from "@/lib/auth/permissions";
import type { DatePrecision } from "@/lib/events/event-dates";
import { EVENT_TYPE_LABELS, type EventTypeName } from "@/lib/events/vocabulary";
import { canDecideProposals } from "@/lib/proposals/permissions";
import { proposalListSchema } from "@/lib/proposals/schemas";
import { listClaimProposals, listEventProposals, type ClaimProposalView, type EventProposalView } from "@/lib/proposals/queries";
import { ClaimProposalControls, EventProposalControls, type ProposalDecisions } from "./proposal-controls";
import "./proposals.css";

/** The proposed date, and what its note says about it (the week's days, a disagreement between sources). */
function ProposedDate({ proposal: p }: { proposal: EventProposalView }) {
  if (!p.localDate || !p.precision) return <>No date{p.dateNote ? `: ${p.dateNote}` : ""}</>;
  return (
    <>
      <EventDate date={{ localDate: p.localDate, precision: p.precision as DatePrecision, timeZone: p.timeZone }} />
      {p.dateNote ? <span className="muted"> ({p.dateNote})</span> : null}
    </>
  );
}

function ClaimList({
  claims,
  articleId,
  decisions,
  canDecide,
}: {
  claims: ClaimProposalView[];
  articleId: string;
  decisions: ProposalDecisions;
  canDecide: boolean;
}) {
  return (
    <ul className="proposal-claims" aria-label="Proposed claims">
      {claims.map((c) => {
        const subject = `“${c.attributeLabel}: ${c.label}”`;
        return (
          <li key={c.id}>
            <strong>{c.attributeLabel}:</strong> {c.label}
            {c.speaker ? <span className="muted"> ({c.speaker.name})</span> : null}
            <blockquote className="proposal-quote">{c.quote}</blockquote>
            {canDecide ? (
              <ClaimProposalControls articleId={articleId} proposalId={c.id} subject={subject} eventKnown={Boolean(c.event)} decisions={decisions} />
            ) : null}
            {canDecide && !c.event ? <span className="muted"> Accept its event first.</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The article's open proposals: the happenings it reports (grouped with other sources'
 * reports of them) and the checkable claims it makes about each. Accepting records them
 * unreviewed, as an editor would by hand; dismissing is remembered.
 */
export async function ArticleProposals({ actor, articleId, decisions }: { actor: Actor; articleId: string; decisions: ProposalDecisions }) {
  const [events, claims] = await Promise.all([listEventProposals(actor, proposalListSchema.parse({ articleId })), listClaimProposals(actor, articleId)]);
  const canDecide = canDecideProposals(actor);
  const claimsOf = new Map<string, ClaimProposalView[]>();
  for (const c of claims) if (c.eventProposal) claimsOf.set(c.eventProposal.id, [...(claimsOf.get(c.eventProposal.id) ?? []), c]);
  const listed = new Set(events.map((e) => e.id));
  const recorded = claims.filter((c) => !c.eventProposal || !listed.has(c.eventProposal.id));

  return (
    <section className="card" aria-labelledby="proposals-heading">
      <h2 id="proposals-heading">Proposed events and claims</h2>
      <p className="muted">Read from this text and grouped with other sources. Accepting records them unreviewed; nothing is published.</p>
      {events.length === 0 && claims.length === 0 ? <p className="muted">No open proposals for this article.</p> : null}
      {events.map((p) => {
        const here = p.mentions.filter((m) => m.articleId === articleId);
        const outlets = [...new Set(p.mentions.map((m) => m.outlet ?? m.articleTitle))];
        return (
          <article key={p.id} className="proposal" aria-labelledby={`proposal-${p.id}`}>
            <h3 id={`proposal-${p.id}`}>
              {p.title} <span className="tag">{EVENT_TYPE_LABELS[p.eventType as EventTypeName] ?? p.kind}</span>
            </h3>
            <dl className="proposal-facts">
              <dt>When</dt>
              <dd>
                <ProposedDate proposal={p} />
              </dd>
              <dt>Who</dt>
              <dd>
                {p.participants.length === 0
                  ? "Not named"
                  : p.participants.map((x, i) => (
                      <span key={`${x.name}-${i}`}>
                        {i > 0 ? ", " : ""}
                        {x.entityId ? <Link href={`/entities/${x.entityId}`}>{x.name}</Link> : x.name}
                      </span>
                    ))}
              </dd>
              {p.place ? (
                <>
                  <dt>Where</dt>
                  <dd>{p.place.name}</dd>
                </>
              ) : null}
              <dt>Sources</dt>
              <dd>{outlets.join("; ")}</dd>
            </dl>
            {p.event ? (
              <p>
                Matches the existing event <Link href={`/events/${p.event.id}`}>{p.event.title}</Link>: accepting links these passages to it.
              </p>
            ) : null}
            {here.map((m, i) => (
              <blockquote key={i} className="proposal-quote">
                {m.planned ? <span className="tag">announced</span> : null} {m.quote}
              </blockquote>
            ))}
            {canDecide ? <EventProposalControls articleId={articleId} proposalId={p.id} title={p.title} date={p} decisions={decisions} /> : null}
            {(claimsOf.get(p.id) ?? []).length > 0 ? (
              <ClaimList claims={claimsOf.get(p.id)!} articleId={articleId} decisions={decisions} canDecide={canDecide} />
            ) : null}
          </article>
        );
      })}
      {recorded.length > 0 ? (
        <div className="proposal" role="group" aria-labelledby="recorded-claims-heading">
          <h3 id="recorded-claims-heading">Claims about recorded events</h3>
          {[...new Map(recorded.map((c) => [c.event?.id ?? "", c.event])).values()].map((event) =>
            event ? (
              <div key={event.id}>
                <p>
                  About <Link href={`/events/${event.id}`}>{event.title}</Link>
                </p>
                <ClaimList claims={recorded.filter((c) => c.event?.id === event.id)} articleId={articleId} decisions={decisions} canDecide={canDecide} />
              </div>
            ) : null,
          )}
        </div>
      ) : null}
    </section>
  );
}
