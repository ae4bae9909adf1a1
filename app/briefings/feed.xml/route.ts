import { getCachedPublicFeed } from "@/lib/briefings/public-cache";
import { PUBLIC_PAGE_HEADER } from "@/lib/security/public-pages.mjs";

// Built from the data cache (purged on publish and retraction), never at build time.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return new Response(await getCachedPublicFeed(), {
    headers: { "content-type": "application/atom+xml; charset=utf-8", [PUBLIC_PAGE_HEADER]: "1" },
  });
}
