/** A one-line explanation for a failure to reach the database, naming host and port; null for other errors. */
export function describeConnectionError(error: unknown, databaseUrl = process.env.DATABASE_URL): string | null {
  const code = findCode(error);
  if (!code || !["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH", "ECONNRESET", "EAI_AGAIN", "3D000", "28P01", "28000"].includes(code)) {
    return null;
  }
  const where = describeTarget(databaseUrl);
  if (code === "3D000") return `The database named in DATABASE_URL does not exist on ${where}.`;
  if (code === "28P01" || code === "28000") return `The database at ${where} refused the credentials in DATABASE_URL.`;
  return `Cannot reach the database at ${where} (${code}). Is PostgreSQL running, and is DATABASE_URL right?`;
}

function describeTarget(databaseUrl: string | undefined): string {
  try {
    const url = new URL(databaseUrl ?? "");
    return `${url.hostname}:${url.port || "5432"}`;
  } catch {
    return "the address in DATABASE_URL";
  }
}

function findCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const record = current as { code?: unknown; cause?: unknown; errors?: unknown[] };
    if (typeof record.code === "string") return record.code;
    current = record.cause ?? record.errors?.[0];
  }
  return undefined;
}
