import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { listComparableSubjects } from "@/lib/contradictions/comparison-queries";

export const metadata: Metadata = { title: "Compare sources" };

export default async function ComparePage() {
  const actor = await requirePageActor();
  const subjects = await listComparableSubjects(actor);
  return (
    <>
      <h1>Compare sources</h1>
      <p className="muted">
        Events and entities with recorded claims. Open one to see, attribute by attribute, where the sources agree, conflict or stay silent.
      </p>
      {subjects.length === 0 ? (
        <p>No claims recorded yet.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Subject</th>
              <th scope="col">Kind</th>
              <th scope="col">Claims</th>
            </tr>
          </thead>
          <tbody>
            {subjects.map((s) => (
              <tr key={`${s.type}:${s.id}`}>
                <td>
                  <Link href={`/compare/${s.type}/${s.id}`}>{s.label}</Link>
                </td>
                <td>{s.type}</td>
                <td>{s.claims}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
