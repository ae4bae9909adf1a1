import { LocalDate } from "@/components/ui/local-date";
import type { Metadata } from "next";
import Link from "next/link";
import { sourceName } from "@/components/contradictions/passage-quote";
import { ContradictionStatusBadge } from "@/components/contradictions/status-badge";
import { SuggestedContradictions } from "@/components/proposals/suggested-contradictions";
import { SelectField } from "@/components/ui/field";
import { requirePageActor } from "@/lib/auth/session";
import { canFlagContradiction } from "@/lib/contradictions/permissions";
import { countContradictionsByStatus, listContradictionFilterOptions, listContradictions } from "@/lib/contradictions/list-queries";
import { attributeLabel, CONTRADICTION_STATUSES, STATUS_LABELS, statusSchema, toApiName, type ContradictionStatus } from "@/lib/contradictions/schemas";
import { listContradictionCandidates } from "@/lib/proposals/queries";
import { confirmCandidateAction, dismissCandidateAction } from "./actions";
import "@/components/contradictions/contradictions.css";

export const metadata: Metadata = { title: "Contradictions" };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

const TAB_LABELS: Record<ContradictionStatus, string> = {
  ...STATUS_LABELS,
  AWAITING_SIGNOFF: "Awaiting sign-off",
  DISCLOSED: "Disclosed",
  DISMISSED: "Dismissed",
};

export default async function ContradictionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor();
  const params = await searchParams;
  const parsedStatus = statusSchema.safeParse(first(params.status));
  const status = parsedStatus.success ? parsedStatus.data : undefined;
  const place = { eventId: first(params.event), entityId: first(params.entity), outlet: first(params.outlet), articleId: first(params.article) };
  const suggested = first(params.status)?.toLowerCase() === "suggested";
  const [items, counts, options, candidates] = await Promise.all([
    listContradictions(actor, { ...place, status }),
    countContradictionsByStatus(actor, place),
    listContradictionFilterOptions(actor),
    listContradictionCandidates(actor),
  ]);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);

  const href = (tab: ContradictionStatus | undefined) => {
    const query = new URLSearchParams();
    if (tab) query.set("status", toApiName(tab));
    for (const [key, value] of [
      ["event", place.eventId],
      ["entity", place.entityId],
      ["outlet", place.outlet],
      ["article", place.articleId],
    ] as const) {
      if (value) query.set(key, value);
    }
    const text = query.toString();
    return text ? `/contradictions?${text}` : "/contradictions";
  };

  const unfiltered = status ? `/contradictions?status=${toApiName(status)}` : "/contradictions";

  return (
    <>
      <h1>Contradictions</h1>
      <p className="muted">
        Where sources disagree. Conflicting claims open a contradiction by themselves; an editor resolves it, an analyst who did not resolve it signs off.{" "}
        <Link href="/compare">Compare sources side by side</Link>.
      </p>
      {canFlagContradiction(actor) ? (
        <p>
          <Link className="button secondary" href="/contradictions/new">
            Flag a contradiction by hand
          </Link>
        </p>
      ) : null}

      <nav aria-label="Status">
        <ul className="cx-tabs">
          <li>
            <Link href={href(undefined)} aria-current={status || suggested ? undefined : "page"}>
              All ({total})
            </Link>
          </li>
          {CONTRADICTION_STATUSES.map((s) => (
            <li key={s}>
              <Link href={href(s)} aria-current={status === s ? "page" : undefined}>
                {TAB_LABELS[s]} ({counts[s]})
              </Link>
            </li>
          ))}
          <li>
            <Link href="/contradictions?status=suggested" aria-current={suggested ? "page" : undefined}>
              Suggested ({candidates.length})
            </Link>
          </li>
        </ul>
      </nav>

      {suggested ? (
        <SuggestedContradictions actor={actor} candidates={candidates} decisions={{ confirm: confirmCandidateAction, dismiss: dismissCandidateAction }} />
      ) : null}

      {suggested ? null : (
        <form method="get" className="card inline-form cx-filters" aria-label="Filter contradictions">
          {status ? <input type="hidden" name="status" value={toApiName(status)} /> : null}
          {place.articleId ? <input type="hidden" name="article" value={place.articleId} /> : null}
          <SelectField
            label="Event"
            name="event"
            defaultValue={place.eventId ?? ""}
            options={[{ value: "", label: "Any event" }, ...options.events.map((e) => ({ value: e.id, label: e.label }))]}
          />
          <SelectField
            label="Entity"
            name="entity"
            defaultValue={place.entityId ?? ""}
            options={[{ value: "", label: "Any entity" }, ...options.entities.map((e) => ({ value: e.id, label: e.label }))]}
          />
          <SelectField
            label="Outlet"
            name="outlet"
            defaultValue={place.outlet ?? ""}
            options={[{ value: "", label: "Any outlet" }, ...options.outlets.map((o) => ({ value: o, label: o }))]}
          />
          <button type="submit" className="button secondary">
            Apply filters
          </button>
          {place.eventId || place.entityId || place.outlet || place.articleId ? (
            <Link href={unfiltered} className="button secondary">
              Clear filters
            </Link>
          ) : null}
        </form>
      )}
      {place.articleId ? (
        <p className="muted">
          Showing contradictions that touch one article. <Link href={unfiltered}>Show all articles</Link>
        </p>
      ) : null}

      {suggested ? null : items.length === 0 ? (
        <p>No contradictions match.</p>
      ) : (
        <table className="data">
          <caption className="muted">{items.length === 1 ? "1 contradiction" : `${items.length} contradictions`}, most recently changed first</caption>
          <thead>
            <tr>
              <th scope="col">Contradiction</th>
              <th scope="col">About</th>
              <th scope="col">Sources</th>
              <th scope="col">Status</th>
              <th scope="col">Changed</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link href={`/contradictions/${item.id}`}>{item.summary}</Link>
                  <div className="muted">{item.detected ? "Detected from claims" : item.internal ? "Flagged: internal inconsistency" : "Flagged by hand"}</div>
                </td>
                <td>
                  {item.subject ? (
                    <Link href={`/compare/${item.subject.type}/${item.subject.id}`}>{item.subject.label}</Link>
                  ) : (
                    <span className="muted">No subject</span>
                  )}
                  {item.attribute ? <div className="muted">{attributeLabel(item.attribute)}</div> : null}
                </td>
                <td>{[...new Set(item.sources.map(sourceName))].join("; ")}</td>
                <td>
                  <ContradictionStatusBadge status={item.status} />
                </td>
                <td>
                  <LocalDate value={item.updatedAt} style="timestamp" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
