import { publicBriefingResponse } from "@/components/briefings/public-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return publicBriefingResponse(new URL(request.url).pathname, (await params).slug);
}
