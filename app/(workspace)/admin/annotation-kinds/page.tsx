import type { Metadata } from "next";
import { listAnnotationKinds } from "@/lib/annotations/queries";
import { requirePageActor } from "@/lib/auth/session";
import { CreateKindForm } from "./_components/create-kind-form";
import { KindRow } from "./_components/kind-row";
import "@/components/annotations/annotations.css";

export const metadata: Metadata = { title: "Annotation kinds" };

export default async function AnnotationKindsPage() {
  await requirePageActor("annotation-kinds.manage");
  const kinds = await listAnnotationKinds({ includeInactive: true });
  return (
    <>
      <h1>Annotation kinds</h1>
      <p className="muted">
        The kinds editors choose from when they annotate. Deactivated kinds stay on existing annotations but cannot be chosen for new ones. Built-in kinds are
        used by other features and stay active.
      </p>
      <CreateKindForm />
      <h2>Kinds</h2>
      <table className="data kind-table">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Label</th>
            <th scope="col">Status</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind) => (
            <KindRow key={kind.key} kind={kind} />
          ))}
        </tbody>
      </table>
    </>
  );
}
