import "server-only";
import type { Tx } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { normalizeName } from "./match";
import { hasMixedScriptWord, latinLookalike } from "./name-characters";
import { ACTIVE_ENTITY } from "./queries";
import { ENTITY_TYPE_LABELS, type EntityTypeName } from "./schemas";

/** Serializes checks for one type + name, so two editors cannot create the same entity at once. */
async function lockName(tx: Tx, type: EntityTypeName, normalized: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`entity:${type}:${normalized}`}))`;
}

/**
 * Refuses a second entity of the same type whose name has the same key, or whose letters are
 * Cyrillic or Greek look-alikes of an existing Latin name (name-characters.ts), naming the
 * existing one; the editor may confirm that it is a different one.
 */
export async function refuseDuplicateName(tx: Tx, type: EntityTypeName, name: string, excludeId?: string): Promise<void> {
  const normalizedName = normalizeName(name);
  const lookalike = latinLookalike(name);
  const keys = [...new Set([normalizedName, ...(lookalike ? [normalizeName(lookalike)] : [])])];
  await lockName(tx, type, normalizedName);
  const existing = await tx.entity.findFirst({
    where: { ...ACTIVE_ENTITY, type, normalizedName: { in: keys }, ...(excludeId ? { id: { not: excludeId } } : {}) },
    select: { id: true, name: true, type: true },
  });
  if (existing) {
    const why =
      hasMixedScriptWord(name) || (lookalike && existing.name !== name)
        ? ` "${name}" is likely the same name: it is written with Cyrillic or Greek letters that look like Latin ones.`
        : "";
    throw new ConflictError(
      `${ENTITY_TYPE_LABELS[type]} "${existing.name}" already exists.${why} Merge with it, or confirm that this is a different ${ENTITY_TYPE_LABELS[type].toLowerCase()}.`,
      { existing, likelyDuplicate: why !== "" },
    );
  }
}

/** Distinct aliases by normalized form, without the canonical name itself. */
export function aliasRows(aliases: string[], canonicalName: string): { alias: string; normalized: string }[] {
  const seen = new Set([normalizeName(canonicalName)]);
  const rows: { alias: string; normalized: string }[] = [];
  for (const raw of aliases) {
    const alias = raw.replace(/\s+/g, " ").trim();
    const normalized = normalizeName(alias);
    if (!normalized || seen.has(normalized)) continue;
    seen.add(normalized);
    rows.push({ alias, normalized });
  }
  return rows;
}
