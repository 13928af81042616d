import { NextResponse } from "next/server";
import { z } from "zod";
import { DATABASE_RETRY_AFTER_SECONDS, databaseUnavailableError } from "@/lib/db-outage";
import { withBearerAuth } from "@/lib/api-tokens/bearer";
import { AppError, fieldErrors, isAppError } from "@/lib/errors";
import { DEFAULT_BODY_LIMIT_BYTES, readBodyText } from "@/lib/http/body";
import { checkApiRequest, isJsonContentType, unsupportedMediaType } from "@/lib/http/request-checks";
import { withHsts } from "@/lib/http/security-headers";
import { findUnsafeText } from "@/lib/http/unsafe-text";

/**
 * Wraps a route handler so that an AppError becomes `{ error: { code, message, details } }` with
 * its status, and anything else is logged and answered with a generic 500 (never raw text).
 * Before the handler runs, the request passes the boundary checks (lib/http/request-checks.ts):
 * cross-site state changes are refused, as are undecodable or NUL-bearing URLs and non-JSON bodies;
 * an `Authorization: Bearer` token is resolved (or refused) by lib/api-tokens/bearer.ts.
 */
export function handle<Args extends unknown[]>(fn: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      const request = args[0];
      if (!(request instanceof Request)) return withHsts(await fn(...args));
      checkApiRequest(request);
      return withHsts(await withBearerAuth(request, () => fn(...args)));
    } catch (error) {
      return withHsts(errorResponse(error));
    }
  };
}

/** The JSON error response for any thrown value (a database outage is a 503 with Retry-After, not a 500). */
export function errorResponse(thrown: unknown): Response {
  const error = isAppError(thrown) ? thrown : (databaseUnavailableError(thrown) ?? thrown);
  if (isAppError(error)) {
    // Every 503 tells the client when to come back, whichever layer noticed the outage.
    const retryAfter = error.details?.retryAfterSeconds ?? (error.status === 503 ? String(DATABASE_RETRY_AFTER_SECONDS) : undefined);
    const headers = retryAfter ? { "Retry-After": retryAfter } : undefined;
    return NextResponse.json(
      { error: { code: error.code, message: error.message, details: error.details } },
      { status: error.status, headers },
    );
  }
  console.error("Unhandled error in route handler", error);
  return NextResponse.json(
    { error: { code: "internal", message: "Something went wrong on our side. Please try again." } },
    { status: 500 },
  );
}

/**
 * Reads and validates a JSON body; a malformed or invalid body is a 400 that names the fields.
 * The body must be sent as `application/json` (else 415) and is read up to `maxBytes` (else 413,
 * without reading the rest); a NUL or unpaired surrogate in any string is a 400 naming the field.
 */
export async function readJson<T extends z.ZodType>(request: Request, schema: T, options: { maxBytes?: number } = {}): Promise<z.infer<T>> {
  if (!isJsonContentType(request.headers.get("content-type"))) throw unsupportedMediaType();
  const text = await readBodyText(request, options.maxBytes ?? DEFAULT_BODY_LIMIT_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "The request body must be valid JSON.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new AppError("invalid_input", "The request body must be a JSON object.");
  }
  const unsafe = findUnsafeText(body);
  if (unsafe)
    throw new AppError("invalid_input", `Invalid request: ${unsafe.path} ${unsafe.reason}.`, {
      [unsafe.path]: `This value ${unsafe.reason}.`,
    });
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const details = fieldErrors(parsed.error.issues);
    throw new AppError(
      "invalid_input",
      `Invalid request: ${Object.entries(details)
        .map(([k, v]) => `${k}: ${v}`)
        .join("; ")}`,
      details,
    );
  }
  return parsed.data;
}

/** A query string as route handlers and pages both see it: a value per parameter, a list when it is repeated. */
export type QueryParams = Record<string, string | string[]>;

/** The request's query parameters (a parameter given twice becomes a list, as in a page's searchParams). */
export function queryParams(request: Request): QueryParams {
  const out: QueryParams = {};
  for (const [key, value] of new URL(request.url).searchParams) {
    const seen = out[key];
    out[key] = seen === undefined ? value : [seen, value].flat();
  }
  return out;
}

/** Any query string, for schemas that read parameters themselves (`.transform` with `ctx.addIssue` per problem). */
export const queryParamsSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/**
 * The one boundary for query strings: parses the request's parameters (`queryParams`) with `schema` and returns the
 * data, or throws an AppError (`code`: "invalid_input" by default, "invalid_filter" for leaderboard filters) whose
 * message joins every problem and whose details name each parameter.
 */
export function readQuery<T extends z.ZodType>(
  request: Request,
  schema: T,
  code: "invalid_input" | "invalid_filter" = "invalid_input",
): z.infer<T> {
  const parsed = schema.safeParse(queryParams(request));
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues
    .map((i) => (i.path.length && !i.message.startsWith(String(i.path[0])) ? `${i.path.map(String).join(".")}: ${i.message}` : i.message))
    .join("; ");
  throw new AppError(code, message, fieldErrors(parsed.error.issues));
}
