import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { searchPassages } from "@/lib/contradictions/queries";
import { FlagForm } from "./_components/flag-form";
import "@/components/contradictions/contradictions.css";

export const metadata: Metadata = { title: "Flag a contradiction" };

/** `?passage=<annotation id>` (repeatable) preselects passages, e.g. from an article page. */
export default async function FlagContradictionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("contradictions.flag");
  const params = await searchParams;
  const ids = [params.passage ?? []]
    .flat()
    .filter((id) => id.length > 0 && id.length <= 64)
    .slice(0, 20);
  const preselected = ids.length > 0 ? await searchPassages(actor, "", { include: ids }) : [];
  return (
    <>
      <p>
        <Link href="/contradictions">← All contradictions</Link>
      </p>
      <h1>Flag a contradiction</h1>
      <p className="muted">
        For disagreements no value captures, such as two readouts of one call that describe it differently. Choose two or more annotated passages and say what
        they disagree on.
      </p>
      <FlagForm
        preselected={preselected.map((p) => ({
          annotationId: p.annotationId,
          articleId: p.article.id,
          label: `${p.article.outlet ?? p.article.title}: “${p.exact}”`,
        }))}
      />
    </>
  );
}
