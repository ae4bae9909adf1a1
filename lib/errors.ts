import type { ZodError } from "zod";

/**
 * Stable, machine-readable names of the errors the app answers with, sent as `code` beside the
 * human `error` message so that clients can branch on them without parsing text.
 */
export const ERROR_CODES = [
  "validation",
  "bad_request",
  "unauthenticated",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "stale_version",
  "publish_blocked",
  "too_large",
  "rate_limited",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one error vocabulary of the app; routes and actions map it to HTTP status and user messages. */
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly details?: unknown,
    readonly code: ErrorCode = codeForStatus(status),
  ) {
    super(message);
    this.name = new.target.name;
  }
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return "bad_request";
    case 401:
      return "unauthenticated";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 409:
      return "conflict";
    case 413:
      return "too_large";
    case 422:
      return "validation";
    case 429:
      return "rate_limited";
    default:
      return "internal";
  }
}

export class NotFoundError extends AppError {
  constructor(what = "That item") {
    super(`${what} was not found.`, 404);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You are not allowed to do that.") {
    super(message, 403);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "Sign in to continue.") {
    super(message, 401);
  }
}

/** A write the current state does not allow; `details` carries that state so the client can show it. */
export class ConflictError extends AppError {
  constructor(message: string, details?: unknown, code: ErrorCode = conflictCode(details)) {
    super(message, 409, details, code);
  }
}

/**
 * A refusal to publish carries its blockers; a write based on an older version carries the
 * current state. Every other conflict (a taken address, a state that forbids the change) is "conflict".
 */
function conflictCode(details: unknown): ErrorCode {
  const detail = details && typeof details === "object" ? (details as Record<string, unknown>) : {};
  if (Array.isArray(detail.blockers) && detail.blockers.length > 0) return "publish_blocked";
  return "conflict";
}

/** A write that names an older version than the stored one. */
export class StaleVersionError extends ConflictError {
  constructor(message: string, details?: unknown) {
    super(message, details, "stale_version");
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown) {
    super(message, 422, details);
  }

  static fromZod(error: ZodError): ValidationError {
    const issues = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    const first = issues[0];
    const message = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : "The input is not valid.";
    return new ValidationError(message, { issues });
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(message = "The request is too large.") {
    super(message, 413);
  }
}

export class RateLimitedError extends AppError {
  constructor(message = "Too many attempts. Wait a minute and try again.") {
    super(message, 429);
  }
}

const GENERIC_MESSAGE = "Something went wrong on our side. The error was logged; try again.";

export type PublicError = { status: number; code: ErrorCode; message: string; details?: unknown };

/** Status, code and message safe to show a user; unknown errors are logged and never leak their text. */
export function toPublicError(error: unknown): PublicError {
  if (error instanceof AppError) return { status: error.status, code: error.code, message: error.message, details: error.details };
  console.error(error);
  return { status: 500, code: "internal", message: GENERIC_MESSAGE };
}

/** The JSON body of an error answer: the message, its code, then any details. */
export function errorBody({ code, message, details }: PublicError): Record<string, unknown> {
  const extra = details && typeof details === "object" && !Array.isArray(details) ? details : {};
  return { ...extra, error: message, code };
}
