"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { ErrorCode } from "@/lib/errors";

/**
 * The one way client components talk to the JSON API. Every route answers failures as
 * `{ error: { code, message, details } }` (lib/api.ts); `apiRequest` turns that into an `ApiError`
 * and `useApiErrorMessage` turns an `ApiError` into a message in the reader's language. Use them
 * inside React Query's `queryFn` / `mutationFn`, never a hand-written fetch-and-parse.
 */

/** Codes the client adds to the server's: the request never got an answer, or the answer was not JSON. */
export type ClientErrorCode = ErrorCode | "network" | "bad_response";

export class ApiError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;
  readonly details: Record<string, string>;
  /** From `details.retryAfterSeconds` or the Retry-After header, when the server sent one. */
  readonly retryAfterSeconds?: number;

  constructor(status: number, code: ClientErrorCode, message: string, details: Record<string, string> = {}, retryAfterSeconds?: number) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export interface ApiRequestInit {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: Record<string, unknown> };
}

function stringDetails(details: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(details ?? {})) out[key] = typeof value === "string" ? value : JSON.stringify(value);
  return out;
}

/** The ApiError for a failed response (reads its body). Exported for streaming callers that own the fetch. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as ErrorBody | null;
  const details = stringDetails(body?.error?.details);
  const retry = Number(details.retryAfterSeconds ?? response.headers.get("retry-after") ?? NaN);
  return new ApiError(
    response.status,
    (body?.error?.code as ClientErrorCode | undefined) ?? (response.status >= 500 ? "internal" : "bad_response"),
    body?.error?.message ?? response.statusText,
    details,
    Number.isFinite(retry) ? retry : undefined,
  );
}

/** Fetches a JSON route; resolves to its parsed body (undefined for 204) or rejects with an ApiError. */
export async function apiRequest<T = unknown>(url: string, init: ApiRequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers:
        init.body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
      credentials: "same-origin",
    });
  } catch (error) {
    if ((error as Error)?.name === "AbortError") throw error;
    throw new ApiError(0, "network", (error as Error)?.message ?? "network error");
  }
  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, "bad_response", "The server's answer was not JSON");
  }
}

/** Message keys under `common.apiErrors` (every locale has them; tests/i18n.test.ts checks). */
const TRANSLATED: readonly ClientErrorCode[] = [
  "invalid_input",
  "invalid_filter",
  "unauthorized",
  "forbidden",
  "cross_site",
  "email_unverified",
  "profile_incomplete",
  "not_found",
  "email_taken",
  "vote_already_cast",
  "battle_closed",
  "model_name_taken",
  "private_cap_reached",
  "invalid_transition",
  "audience_change_too_soon",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "no_models",
  "database_unavailable",
  "internal",
  "network",
  "bad_response",
];

/** A translator for `common.apiErrors` keys (next-intl's `t`, or a stand-in in tests). */
export type ApiErrorTranslator = (key: string, values?: Record<string, string | number>) => string;

/**
 * A translated, actionable message for any thrown value. A feature may pass its own wording for some
 * codes (e.g. the arena's "You already voted on this battle"); `invalid_input` keeps the server's field
 * detail when there is one; rate limits say how long to wait. Pure: `useApiErrorMessage` binds `t`.
 */
export function apiErrorMessage(error: unknown, t: ApiErrorTranslator, overrides: Partial<Record<ClientErrorCode, string>> = {}): string {
  if (!isApiError(error)) return t("internal");
  const own = overrides[error.code];
  if (own !== undefined) return own;
  if (error.code === "rate_limited") return t("rate_limited", { minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) });
  if (error.code === "invalid_input" || error.code === "invalid_filter") {
    const detail = Object.values(error.details)[0] ?? error.message;
    return t(error.code, { detail });
  }
  return TRANSLATED.includes(error.code) ? t(error.code) : t("internal");
}

/** `(error, overrides?) => message`: `apiErrorMessage` in the reader's language. */
export function useApiErrorMessage() {
  const t = useTranslations("common.apiErrors");
  return useCallback(
    (error: unknown, overrides: Partial<Record<ClientErrorCode, string>> = {}): string =>
      apiErrorMessage(error, t as ApiErrorTranslator, overrides),
    [t],
  );
}
