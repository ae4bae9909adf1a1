import { LocalDate } from "@/components/ui/local-date";
import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { canComposeBriefings } from "@/lib/briefings/permissions";
import { listBriefings } from "@/lib/briefings/queries";
import { BRIEFING_STATUS_LABELS } from "@/lib/briefings/schemas";
import { briefingPath } from "@/lib/briefings/site";

export const metadata: Metadata = { title: "Briefings" };

export default async function ComposeListPage() {
  const actor = await requirePageActor();
  const briefings = await listBriefings(actor);
  return (
    <>
      <h1>Briefings</h1>
      {canComposeBriefings(actor) ? (
        <p>
          <Link href="/compose/new" className="button">
            New briefing
          </Link>
        </p>
      ) : null}
      {briefings.length === 0 ? (
        <p>No briefings yet.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Draft version</th>
              <th scope="col">Public</th>
              <th scope="col">Author</th>
              <th scope="col">Last saved</th>
            </tr>
          </thead>
          <tbody>
            {briefings.map((briefing) => (
              <tr key={briefing.id}>
                <td>
                  <Link href={`/compose/${briefing.id}`}>{briefing.title}</Link>
                </td>
                <td>{BRIEFING_STATUS_LABELS[briefing.status]}</td>
                <td>{briefing.version}</td>
                <td>
                  {briefing.latestPublished ? (
                    <Link href={briefingPath(briefing.slug)}>Version {briefing.latestPublished}</Link>
                  ) : (
                    <span className="muted">not published</span>
                  )}
                </td>
                <td>{briefing.author.name}</td>
                <td>
                  <LocalDate value={briefing.updatedAt} style="timestamp" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
