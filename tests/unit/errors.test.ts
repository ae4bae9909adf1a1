import { describe, expect, it, vi } from "vitest";
import {
  ConflictError,
  ERROR_CODES,
  errorBody,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  StaleVersionError,
  toPublicError,
  UnauthorizedError,
  ValidationError,
} from "@/lib/errors";

describe("error codes", () => {
  it("names each kind of error with a stable code beside its message", () => {
    const cases: [Error, number, string][] = [
      [new NotFoundError("The event"), 404, "not_found"],
      [new ForbiddenError(), 403, "forbidden"],
      [new UnauthorizedError(), 401, "unauthenticated"],
      [new ValidationError("title: Enter a title."), 422, "validation"],
      [new StaleVersionError("Someone changed this event since you opened it.", { current: { version: 3 } }), 409, "stale_version"],
      [new ConflictError("The briefing cannot be published yet: 1 problem needs fixing.", { blockers: [{ kind: "unapproved" }] }), 409, "publish_blocked"],
      [new ConflictError("This briefing was retracted and cannot be published again.", { blockers: [] }), 409, "conflict"],
      [new ConflictError("A user with the email a@b.example already exists."), 409, "conflict"],
      [new PayloadTooLargeError(), 413, "too_large"],
      [new RateLimitedError(), 429, "rate_limited"],
    ];
    for (const [error, status, code] of cases) {
      const failure = toPublicError(error);
      expect(failure, error.message).toMatchObject({ status, code, message: error.message });
      expect(ERROR_CODES).toContain(code);
    }
  });

  it("answers an unexpected error as internal, without its text", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const failure = toPublicError(new TypeError("Cannot read properties of null (reading 'get')"));
    expect(failure).toMatchObject({ status: 500, code: "internal" });
    expect(failure.message).not.toMatch(/Cannot read/);
    log.mockRestore();
  });

  it("puts the message and code beside the details, which cannot overwrite them", () => {
    const body = errorBody(toPublicError(new StaleVersionError("Stale.", { current: { version: 2 }, code: "spoofed", error: "spoofed" })));
    expect(body).toEqual({ error: "Stale.", code: "stale_version", current: { version: 2 } });
  });
});
