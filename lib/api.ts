import { NextResponse } from "next/server";
import type { z } from "zod";
import { databaseUnavailableError } from "@/lib/db-outage";
import { AppError, fieldErrors, isAppError } from "@/lib/errors";

/**
 * Wraps a route handler so that an AppError becomes `{ error: { code, message, details } }` with
 * its status, and anything else is logged and answered with a generic 500 (never raw text).
 */
export function handle<Args extends unknown[]>(fn: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** The JSON error response for any thrown value (a database outage is a 503 with Retry-After, not a 500). */
export function errorResponse(thrown: unknown): Response {
  const error = isAppError(thrown) ? thrown : (databaseUnavailableError(thrown) ?? thrown);
  if (isAppError(error)) {
    const retryAfter = error.details?.retryAfterSeconds;
    const headers = retryAfter ? { "Retry-After": retryAfter } : undefined;
    return NextResponse.json({ error: { code: error.code, message: error.message, details: error.details } }, { status: error.status, headers });
  }
  console.error("Unhandled error in route handler", error);
  return NextResponse.json({ error: { code: "internal", message: "Something went wrong on our side. Please try again." } }, { status: 500 });
}

/** Reads and validates a JSON body; a malformed or invalid body is a 400 that names the fields. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("invalid_input", "The request body must be valid JSON.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new AppError("invalid_input", "The request body must be a JSON object.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const details = fieldErrors(parsed.error.issues);
    throw new AppError("invalid_input", `Invalid request: ${Object.entries(details).map(([k, v]) => `${k}: ${v}`).join("; ")}`, details);
  }
  return parsed.data;
}
