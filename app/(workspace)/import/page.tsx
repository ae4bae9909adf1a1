import type { Metadata } from "next";
import { ImportJobList } from "@/components/articles/import-job-list";
import { ImportWorkbench } from "@/components/articles/import-workbench";
import { listImportJobs } from "@/lib/articles/queries";
import { requirePageActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Import articles" };

export default async function ImportPage() {
  const actor = await requirePageActor("articles.import");
  const jobs = await listImportJobs(actor);
  return (
    <>
      <h1>Import articles</h1>
      <p className="muted">
        Plain text, HTML or Markdown, as saved or copied from a news page. Each file is previewed first: the metadata found, the body, and every line removed
        with the reason. Nothing is saved until you import.
      </p>
      <ImportWorkbench />
      {jobs.length > 0 ? (
        <section aria-labelledby="jobs-heading">
          <h2 id="jobs-heading">Recent background imports</h2>
          <ImportJobList jobs={jobs} />
        </section>
      ) : null}
    </>
  );
}
