import { LocalDate } from "@/components/ui/local-date";
import type { ImportJobView } from "@/lib/articles/schemas";
import "./articles.css";

const STATUS_LABELS: Record<string, string> = {
  queued: "waiting",
  running: "importing",
  finished: "finished",
  interrupted: "interrupted by a server restart: import the files again (saved ones are skipped as duplicates)",
};

/** Recent background imports, so a large import can be followed after leaving the page. */
export function ImportJobList({ jobs }: { jobs: ImportJobView[] }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: on a phone the table scrolls within itself and holds no link, so the keyboard needs to reach it to scroll it.
    <table className="data" aria-label="Background imports" tabIndex={0}>
      <thead>
        <tr>
          <th scope="col">Started</th>
          <th scope="col">Status</th>
          <th scope="col">Files</th>
          <th scope="col">Saved</th>
          <th scope="col">Failed</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.id}>
            <td>
              <LocalDate value={job.createdAt} style="timestamp" />
            </td>
            <td>{STATUS_LABELS[job.status] ?? job.status}</td>
            <td>{job.total}</td>
            <td>{job.done}</td>
            <td>
              {job.failed}
              {job.failed > 0 ? (
                <details>
                  <summary>Which files</summary>
                  <ul>
                    {job.results
                      .filter((result) => result.status === "failed")
                      .map((result) => (
                        <li key={result.position}>
                          {result.file}: {result.error}
                        </li>
                      ))}
                  </ul>
                </details>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
