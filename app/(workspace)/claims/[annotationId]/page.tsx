import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClaimPanel } from "@/components/contradictions/claim-panel";
import { requirePageActor } from "@/lib/auth/session";
import { getClaimContext } from "@/lib/contradictions/claims";
import { createClaimAction, updateClaimAction } from "../actions";

export const metadata: Metadata = { title: "Claim" };

export default async function ClaimPage({ params }: { params: Promise<{ annotationId: string }> }) {
  const actor = await requirePageActor();
  const { annotationId } = await params;
  const context = await getClaimContext(annotationId);
  if (context?.annotation.kind !== "claim") notFound();
  return (
    <>
      <p>
        <Link href={`/articles/${context.annotation.articleId}#annotation-${annotationId}`}>← Back to the passage in its article</Link>
      </p>
      <h1>Claim</h1>
      <blockquote className="serif">{context.annotation.exact}</blockquote>
      <ClaimPanel annotationId={annotationId} actor={actor} actions={{ create: createClaimAction, update: updateClaimAction }} />
    </>
  );
}
