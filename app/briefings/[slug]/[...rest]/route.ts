import { publicNotFoundResponse } from "@/components/briefings/public-response";

export const dynamic = "force-dynamic";

/** Deeper addresses under a briefing than its versions: the public site's 404 page. */
export function GET(request: Request): Response {
  return publicNotFoundResponse(new URL(request.url).pathname);
}
