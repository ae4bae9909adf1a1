import { apiRoute } from "@/lib/api/route";
import { readJobUpload } from "@/lib/articles/http";
import { addImportJobFiles } from "@/lib/articles/jobs";
import { ValidationError } from "@/lib/errors";

/** More files of a background import: multipart `file` fields and `offset`, the position of the first. */
export const POST = apiRoute<{ id: string }>({ access: "articles.import" }, async ({ request, params, actor }) => {
  const upload = await readJobUpload(request);
  if (upload.offset === undefined) throw new ValidationError("Say where these files start in the job with `offset`.");
  const job = await addImportJobFiles(actor, params.id, upload.offset, upload.files);
  return Response.json(job, { status: 202 });
});
