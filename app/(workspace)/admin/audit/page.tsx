import { LocalDate } from "@/components/ui/local-date";
import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Pagination } from "@/components/ui/pagination";
import { listAuditLog, listAuditTargetTypes } from "@/lib/audit/queries";
import { summarizeAuditDetail } from "@/lib/audit/summary";
import { auditFilterSchema } from "@/lib/audit/schemas";
import { listUsers } from "@/lib/auth/queries";
import { requirePageActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor("audit.browse");
  const params = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = auditFilterSchema.safeParse(params);
  // A malformed filter (a hand-edited date) is dropped with a note rather than failing the page.
  const filter = parsed.success ? parsed.data : {};
  const [log, users, targetTypes] = await Promise.all([listAuditLog(actor, filter), listUsers(actor), listAuditTargetTypes(actor)]);
  const value = (name: keyof typeof filter) => (parsed.success ? String(filter[name] ?? "") : "");

  return (
    <>
      <h1>Audit log</h1>
      <p className="muted">Every change, newest first: who made it, when, and to which record. Entries cannot be edited or deleted.</p>
      <form method="get" className="card inline-form" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="audit-action">Action</label>
          <input id="audit-action" name="action" defaultValue={value("action")} placeholder="e.g. entity or entity.merge" />
        </div>
        <div className="field">
          <label htmlFor="audit-target-type">Record type</label>
          <select id="audit-target-type" name="targetType" defaultValue={value("targetType")}>
            <option value="">Any</option>
            {targetTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-target-id">Record id</label>
          <input id="audit-target-id" name="targetId" defaultValue={value("targetId")} />
        </div>
        <div className="field">
          <label htmlFor="audit-actor">Who</label>
          <select id="audit-actor" name="actorId" defaultValue={value("actorId")}>
            <option value="">Anyone</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">From (UTC)</label>
          <input id="audit-from" name="from" type="date" defaultValue={value("from")} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">To (UTC)</label>
          <input id="audit-to" name="to" type="date" defaultValue={value("to")} />
        </div>
        <button type="submit" className="button secondary">
          Apply filters
        </button>
        <Link href="/admin/audit">Clear</Link>
      </form>
      {parsed.success ? null : <Alert kind="error">{parsed.error.issues[0]?.message ?? "A filter was not valid."} The filters were reset.</Alert>}
      <p role="status" className="muted">
        {log.total === 0
          ? "No entries match."
          : `${log.total} entr${log.total === 1 ? "y" : "ies"}${log.pageCount > 1 ? `; page ${log.page} of ${log.pageCount}` : ""}.`}
      </p>
      {log.items.length > 0 ? (
        <table className="data" aria-label="Audit log entries">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Record</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {log.items.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <LocalDate value={entry.createdAt} style="timestamp" />
                </td>
                <td>{entry.actor?.name ?? "the system"}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>
                  <span className="muted">{entry.targetType}</span>{" "}
                  {entry.target?.href ? <Link href={entry.target.href}>{entry.target.title}</Link> : entry.target?.title}
                </td>
                <td>
                  <ul className="audit-detail">
                    {summarizeAuditDetail(entry.detail).map((line, index) => (
                      <li key={index}>{line}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pagination path="/admin/audit" params={params} page={log.page} pageCount={log.pageCount} />
    </>
  );
}
