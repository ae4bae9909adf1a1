import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { canEditEntities } from "@/lib/entities/permissions";
import { listDuplicateCandidates } from "@/lib/entities/queries";
import { DuplicatePairs } from "../_components/duplicate-pairs";

export const metadata: Metadata = { title: "Suggested duplicates" };

export default async function DuplicatesPage({ searchParams }: { searchParams: Promise<{ all?: string }> }) {
  const actor = await requirePageActor();
  const { all } = await searchParams;
  const includeJudged = all === "1";
  const candidates = await listDuplicateCandidates(actor, { includeJudged });
  return (
    <>
      <p>
        <Link href="/entities">← Entities</Link>
      </p>
      <h1>Suggested duplicates</h1>
      <p>
        Entities of one type with similar names or a shared alias. Your judgement is remembered: pairs judged different are no longer shown.{" "}
        {includeJudged ? (
          <Link href="/entities/duplicates">Hide pairs judged different</Link>
        ) : (
          <Link href="/entities/duplicates?all=1">Show pairs judged different too</Link>
        )}
      </p>
      <DuplicatePairs candidates={candidates} canEdit={canEditEntities(actor)} />
    </>
  );
}
