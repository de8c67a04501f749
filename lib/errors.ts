/**
 * Errors a user can be shown. The code maps to an HTTP status; the message is
 * a sentence for the user. Anything else that is thrown is logged and shown as
 * a generic failure, never with its stack.
 */
type ErrorCode = "bad_request" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "rate_limited";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what = "That page") => new AppError("not_found", `${what} was not found.`);
export const forbidden = (message = "You do not have permission to do that.") => new AppError("forbidden", message);
export const badRequest = (message: string) => new AppError("bad_request", message);
export const conflict = (message: string) => new AppError("conflict", message);
