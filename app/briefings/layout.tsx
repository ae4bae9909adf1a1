import type { Metadata } from "next";
import { PublicSiteFooter, PublicSiteHeader } from "@/components/briefings/public-site";
import { FEED_ALTERNATES } from "@/lib/briefings/metadata";
import { publicBaseUrl } from "@/lib/briefings/site";

export const metadata: Metadata = {
  metadataBase: new URL(publicBaseUrl()),
  alternates: { types: FEED_ALTERNATES },
};

/** The public site: no sign-in, nothing from the workspace but published versions. */
export default function PublicBriefingsLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <a href="#main" className="skip-link">Skip to content</a>
      <PublicSiteHeader />
      {children}
      <PublicSiteFooter />
    </>
  );
}
