import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicBriefingArticle } from "@/components/briefings/public-briefing";
import { briefingMetadata } from "@/lib/briefings/metadata";
import { getCachedPublicBriefing } from "@/lib/briefings/public-cache";

type Props = { params: Promise<{ slug: string; n: string }> };

// Published versions never change: built on the first visit, then static (a retraction purges them).
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ slug: string; n: string }[]> {
  return [];
}

async function load(params: Props["params"]) {
  const { slug, n } = await params;
  if (!/^[1-9]\d{0,5}$/.test(n)) return null;
  return getCachedPublicBriefing(slug, Number(n));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const briefing = await load(params);
  return briefing ? briefingMetadata(briefing) : { title: "Briefing not found" };
}

export default async function PublicBriefingVersionPage({ params }: Props) {
  const briefing = await load(params);
  if (!briefing) notFound();
  return (
    <main id="main" className="public-main">
      <PublicBriefingArticle briefing={briefing} />
    </main>
  );
}
