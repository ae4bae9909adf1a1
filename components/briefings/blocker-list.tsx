import Link from "next/link";
import type { Blocker } from "@/lib/briefings/schemas";

/** What stops publishing, each with a link to where it is fixed. */
export function BlockerList({ blockers, label }: { blockers: readonly Blocker[]; label: string }) {
  return (
    <ul className="blocker-list" aria-label={label}>
      {blockers.map((blocker) => (
        <li key={`${blocker.type}:${blocker.id}`}>
          {blocker.message} <Link href={blocker.href}>{blockerLinkText(blocker)}</Link>
        </li>
      ))}
    </ul>
  );
}

function blockerLinkText(blocker: Blocker): string {
  switch (blocker.type) {
    case "not_approved":
      return "Review";
    case "annotation_unapproved":
    case "citation_orphaned":
    case "citation_unchecked":
      return "Open the passage";
    case "contradiction_open":
    case "disagreement_unsettled":
      return "Open the contradiction";
    default:
      return "Edit the briefing";
  }
}
