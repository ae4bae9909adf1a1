import type { ZodError } from "zod";

/** The one error vocabulary of the app; routes and actions map it to HTTP status and user messages. */
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
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

/** A write based on stale state; `details` carries the current state so the client can show it. */
export class ConflictError extends AppError {
  constructor(message: string, details?: unknown) {
    super(message, 409, details);
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

/** Status and message safe to show a user; unknown errors are logged and never leak their text. */
export function toPublicError(error: unknown): { status: number; message: string; details?: unknown } {
  if (error instanceof AppError) return { status: error.status, message: error.message, details: error.details };
  console.error(error);
  return { status: 500, message: GENERIC_MESSAGE };
}
