/** Filters of the audit log page. Safe on the client (zod only). */
import { z } from "zod";
import { pageParam } from "@/lib/api/pagination";
import { isoDaySchema } from "@/lib/iso-day";

const optionalText = (max: number) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), z.string().trim().max(max).optional());
const optionalDay = z.preprocess((value) => (value === "" ? undefined : value), isoDaySchema.optional());

export const auditFilterSchema = z.object({
  /** An action ("entity.merge") or its first part ("entity"). */
  action: optionalText(100),
  targetType: optionalText(100),
  targetId: optionalText(200),
  actorId: optionalText(64),
  /** Days in UTC, both included. */
  from: optionalDay,
  to: optionalDay,
  page: pageParam,
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;
