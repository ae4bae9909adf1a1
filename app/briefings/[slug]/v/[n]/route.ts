import { publicBriefingResponse } from "@/components/briefings/public-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string; n: string }> }): Promise<Response> {
  const { slug, n } = await params;
  return publicBriefingResponse(new URL(request.url).pathname, slug, n);
}
