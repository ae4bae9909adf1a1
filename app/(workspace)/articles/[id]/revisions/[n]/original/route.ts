import { apiRoute } from "@/lib/api/route";
import { getOriginalFile } from "@/lib/articles/queries";
import { NotFoundError } from "@/lib/errors";
import { ORIGINAL_FILE_POLICY } from "@/lib/security/headers";

/**
 * The original bytes as a download. Never served inline: a saved page may hold scripts, so the
 * browser is told not to sniff or render it.
 */
export const GET = apiRoute<{ id: string; n: string }>({ access: "articles.read" }, async ({ params, actor }) => {
  const number = Number(params.n);
  if (!Number.isInteger(number) || number < 1) throw new NotFoundError("That revision");
  const file = await getOriginalFile(actor, params.id, number);
  const ascii = file.filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "x-content-type-options": "nosniff",
      "content-security-policy": ORIGINAL_FILE_POLICY,
      "cache-control": "private, no-store",
    },
  });
});
