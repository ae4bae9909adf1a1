import type { Prisma } from "@/lib/db";

/** Who did something, as the contradiction views show them. */
export const person = { select: { id: true, name: true } } as const;

/** The event or entity a contradiction or claim is about. */
export const subjectSelect = {
  event: { select: { id: true, title: true } },
  entity: { select: { id: true, name: true } },
} satisfies Prisma.ContradictionSelect & Prisma.ClaimSelect;

export type SubjectRef = { type: "event" | "entity"; id: string; label: string };

export function subjectOf(row: { event: { id: string; title: string } | null; entity: { id: string; name: string } | null }): SubjectRef | null {
  if (row.event) return { type: "event", id: row.event.id, label: row.event.title };
  if (row.entity) return { type: "entity", id: row.entity.id, label: row.entity.name };
  return null;
}
