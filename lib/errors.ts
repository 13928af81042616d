/** Every failure a user can act on has a code; the code decides the HTTP status. */
export const ERROR_STATUS = {
  invalid_input: 400,
  invalid_filter: 400,
  unauthorized: 401,
  forbidden: 403,
  cross_site: 403,
  email_unverified: 403,
  profile_incomplete: 403,
  not_found: 404,
  email_taken: 409,
  vote_already_cast: 409,
  battle_closed: 409,
  model_name_taken: 409,
  private_cap_reached: 409,
  token_limit_reached: 409,
  invalid_transition: 409,
  audience_change_too_soon: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  no_models: 503,
  database_unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One error type: a code, a message safe to show, and an HTTP status derived from the code. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: Record<string, string>;

  constructor(code: ErrorCode, message: string, details?: Record<string, string>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = details;
  }
}

/** True for AppError instances (also across module copies). */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError || (error instanceof Error && error.name === "AppError" && "code" in error);
}

/** Turns zod issues into { field: message } for forms and API bodies. */
export function fieldErrors(issues: readonly { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_";
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
