import { describe, expect, it } from "vitest";
import { checksumOf, MigrationError, planMigrations, type MigrationFile } from "@/lib/db/migrate";

const file = (name: string, sql: string): MigrationFile => ({ name, sql, checksum: checksumOf(sql) });
const applied = (f: MigrationFile, extra: Partial<{ finished_at: Date | null; rolled_back_at: Date | null; checksum: string }> = {}) => ({
  migration_name: f.name,
  checksum: f.checksum,
  finished_at: new Date(),
  rolled_back_at: null,
  ...extra,
});

describe("planMigrations", () => {
  const a = file("20250101000000_a", "CREATE TABLE a (id int);");
  const b = file("20250102000000_b", "CREATE TABLE b (id int);");

  it("plans the ones not yet applied, in order", () => {
    expect(planMigrations([a, b], [])).toEqual([a, b]);
    expect(planMigrations([a, b], [applied(a)])).toEqual([b]);
    expect(planMigrations([a, b], [applied(a), applied(b)])).toEqual([]);
  });

  it("refuses when an applied file changed", () => {
    expect(() => planMigrations([a, b], [applied(a, { checksum: checksumOf("something else") })])).toThrow(MigrationError);
  });

  it("refuses after a migration that never finished", () => {
    expect(() => planMigrations([a, b], [applied(a, { finished_at: null })])).toThrow(/never finished/);
  });

  it("ignores rolled-back attempts", () => {
    expect(planMigrations([a], [applied(a, { rolled_back_at: new Date(), checksum: "old" })])).toEqual([a]);
  });

  it("refuses a database that has migrations this checkout does not know", () => {
    expect(() => planMigrations([a], [applied(a), applied(b)])).toThrow(/not in prisma\/migrations/);
  });

  it("uses Prisma's checksum: SHA-256 of the file as hex", () => {
    expect(checksumOf("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
});
