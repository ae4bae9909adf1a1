/** Readable summaries of audit entries: what changed, in words, instead of raw JSON. Pure module. */

const MAX_TEXT = 80;

function words(key: string): string {
  const spaced = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function shortText(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

function value(item: unknown): string {
  if (item === null || item === undefined || item === "") return "none";
  if (typeof item === "string") return `“${shortText(item)}”`;
  if (typeof item === "number" || typeof item === "bigint") return String(item);
  if (typeof item === "boolean") return item ? "yes" : "no";
  if (Array.isArray(item))
    return item.length === 0 ? "none" : item.length > 5 ? `${item.slice(0, 5).map(value).join(", ")} and ${item.length - 5} more` : item.map(value).join(", ");
  const record = item as Record<string, unknown>;
  for (const [from, to] of [
    ["from", "to"],
    ["before", "after"],
    ["old", "new"],
  ] as const) {
    if (from in record && to in record) return `${value(record[from])} → ${value(record[to])}`;
  }
  const entries = Object.entries(record);
  return entries.length === 0 ? "none" : `(${entries.map(([key, inner]) => `${words(key).toLowerCase()} ${value(inner)}`).join(", ")})`;
}

/** One line per field of the entry's detail ("Role: “EDITOR” → “ANALYST”"); fields left unchanged (null) are not shown. */
export function summarizeAuditDetail(detail: unknown): string[] {
  if (detail === null || detail === undefined) return [];
  if (typeof detail !== "object" || Array.isArray(detail)) return [value(detail)];
  return Object.entries(detail as Record<string, unknown>)
    .filter(([, item]) => item !== null && item !== undefined)
    .map(([key, item]) => `${words(key)}: ${value(item)}`);
}
