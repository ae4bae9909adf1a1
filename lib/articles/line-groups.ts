import type { ClassifiedLine, RemovalReason } from "./types";

/**
 * The editor's view of a line list: runs of removed lines with the same reason become one block
 * ("navigation, 34 lines") that can be restored at once. Client-safe, pure.
 */

export type LineGroup =
  | { kind: "kept"; index: number; line: ClassifiedLine }
  | { kind: "removed"; reason: RemovalReason; indices: number[]; lines: ClassifiedLine[]; unsure: number };

export function groupLines(lines: readonly ClassifiedLine[]): LineGroup[] {
  const groups: LineGroup[] = [];
  lines.forEach((line, index) => {
    if (line.kept) {
      groups.push({ kind: "kept", index, line });
      return;
    }
    const reason = line.reason ?? "editor";
    const last = groups.at(-1);
    if (last?.kind === "removed" && last.reason === reason) {
      last.indices.push(index);
      last.lines.push(line);
      if (line.unsure) last.unsure++;
    } else {
      groups.push({ kind: "removed", reason, indices: [index], lines: [line], unsure: line.unsure ? 1 : 0 });
    }
  });
  return groups;
}

/** "navigation, 34 lines", "reader comments, 1 line". */
export function blockLabel(reason: RemovalReason, count: number): string {
  return `${reason}, ${count} line${count === 1 ? "" : "s"}`;
}

/** The lines with the editor's choices applied (the server applies the same on saving). */
export function withDecisions(lines: readonly ClassifiedLine[], decisions: ReadonlyMap<number, boolean>): ClassifiedLine[] {
  return lines.map((line, index) => {
    const kept = decisions.get(index);
    if (kept === undefined || kept === line.kept) return line;
    return { ...line, kept, reason: line.reason ?? (kept ? undefined : "editor") };
  });
}
