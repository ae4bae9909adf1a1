import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicBriefingArticle } from "@/components/briefings/public-briefing";
import { briefingMetadata } from "@/lib/briefings/metadata";
import { getCachedPublicBriefing } from "@/lib/briefings/public-cache";

type Props = { params: Promise<{ slug: string }> };

// Built on the first visit and then served as a static page until a publication or retraction purges it.
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const briefing = await getCachedPublicBriefing((await params).slug);
  return briefing ? briefingMetadata(briefing) : { title: "Briefing not found" };
}

export default async function PublicBriefingPage({ params }: Props) {
  const briefing = await getCachedPublicBriefing((await params).slug);
  if (!briefing) notFound();
  return (
    <main id="main" className="public-main">
      <PublicBriefingArticle briefing={briefing} />
    </main>
  );
}
