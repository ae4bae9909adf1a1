import { publicBriefingListResponse } from "@/components/briefings/public-response";

// A static document per request from the data cache (purged on publish): no query per view, none at build time.
export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return publicBriefingListResponse();
}
