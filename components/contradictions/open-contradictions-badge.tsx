import Link from "next/link";
import { countOpenContradictions } from "@/lib/contradictions/list-queries";
import "./contradictions.css";

type Target = { articleId?: string; eventId?: string; entityId?: string };

function listHref(target: Target, status: "open" | "awaiting_signoff"): string {
  const params = new URLSearchParams({ status });
  if (target.articleId) params.set("article", target.articleId);
  if (target.eventId) params.set("event", target.eventId);
  if (target.entityId) params.set("entity", target.entityId);
  return `/contradictions?${params}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * How many open contradictions touch an article, event or entity (and how many resolutions
 * await sign-off), linking to them. Server component; mount it on the page of that item.
 */
export async function OpenContradictionsBadge(target: Target) {
  const { open, awaitingSignoff } = await countOpenContradictions(target);
  if (open === 0 && awaitingSignoff === 0) {
    return (
      <p className="cx-badge muted" role="status">
        ✓ No open contradictions
      </p>
    );
  }
  return (
    <p className="cx-badge" role="status">
      <span aria-hidden="true">⚠</span>
      {open > 0 ? <Link href={listHref(target, "open")}>{plural(open, "open contradiction")}</Link> : null}
      {open > 0 && awaitingSignoff > 0 ? " · " : null}
      {awaitingSignoff > 0 ? <Link href={listHref(target, "awaiting_signoff")}>{plural(awaitingSignoff, "resolution")} awaiting sign-off</Link> : null}
    </p>
  );
}
