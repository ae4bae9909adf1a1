import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ComparisonMatrix } from "@/components/contradictions/comparison-matrix";
import { OpenContradictionsBadge } from "@/components/contradictions/open-contradictions-badge";
import { requirePageActor } from "@/lib/auth/session";
import { getComparison } from "@/lib/contradictions/comparison-queries";
import { NotFoundError } from "@/lib/errors";

export const metadata: Metadata = { title: "Compare sources" };

export default async function CompareSubjectPage({ params }: { params: Promise<{ type: string; id: string }> }) {
  const actor = await requirePageActor();
  const { type, id } = await params;
  if (type !== "event" && type !== "entity") notFound();
  const comparison = await getComparison(actor, { type, id }).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <p>
        <Link href="/compare">← All subjects</Link>
      </p>
      <h1>{comparison.subject.label}: what the sources say</h1>
      <OpenContradictionsBadge {...(type === "event" ? { eventId: id } : { entityId: id })} />
      <ComparisonMatrix comparison={comparison} />
    </>
  );
}
