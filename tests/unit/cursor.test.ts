import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decodeCursor, encodeCursor, textKey, timestampKey } from "@/lib/api/cursor";
import { ValidationError } from "@/lib/errors";

const shape = z.tuple([timestampKey, textKey]);

describe("keyset cursors", () => {
  it("give back the keys they were made of", () => {
    const at = new Date("2026-12-05T03:04:05.678Z");
    const [time, id] = decodeCursor(encodeCursor([at.toISOString(), "cm4abc"]), shape);
    expect(time.toISOString()).toBe(at.toISOString());
    expect(id).toBe("cm4abc");
  });

  it("refuse what no list gave, naming the cursor", () => {
    for (const cursor of ["not a cursor", encodeCursor(["yesterday", "x"]), encodeCursor([]), Buffer.from("{").toString("base64url")]) {
      expect(() => decodeCursor(cursor, shape)).toThrow(ValidationError);
      expect(() => decodeCursor(cursor, shape)).toThrow(/cursor/);
    }
  });
});
