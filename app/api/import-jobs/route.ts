import { apiRoute } from "@/lib/api/route";
import { readJobUpload } from "@/lib/articles/http";
import { createImportJob } from "@/lib/articles/jobs";
import { listImportJobs } from "@/lib/articles/queries";

/** The caller's recent background imports. */
export const GET = apiRoute({ access: "articles.read" }, async ({ actor }) => ({ jobs: await listImportJobs(actor) }));

/**
 * Starts a background import: multipart `file` fields, and `total` when more files will follow
 * in POST /api/import-jobs/{id}/files. Answers 202 at once; GET /api/import-jobs/{id} shows progress.
 */
export const POST = apiRoute({ access: "articles.import" }, async ({ request, actor }) => {
  const upload = await readJobUpload(request);
  const job = await createImportJob(actor, { total: upload.total, files: upload.files });
  return Response.json(job, { status: 202 });
});
