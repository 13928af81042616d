import { AppError } from "@/lib/errors";
import { crossSiteReason, UNSAFE_METHODS } from "./cross-site";
import { urlInputProblem } from "./url-input";

/** True for `application/json` and `application/<something>+json`, with any parameters. */
export function isJsonContentType(value: string | null): boolean {
  const type = value?.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** True when the request announces a body (or, built in-process without headers, has one). */
function hasBody(request: Request): boolean {
  const length = request.headers.get("content-length");
  if (length !== null) return Number(length) > 0;
  return request.headers.has("transfer-encoding") || request.body !== null;
}

export function unsupportedMediaType(): AppError {
  return new AppError("unsupported_media_type", "Send the request body as JSON with the header Content-Type: application/json.");
}

/**
 * The checks every API request passes before its handler runs (lib/api.ts `handle`):
 * a state-changing request from another site is a 403 `cross_site`; a URL whose path or query does
 * not decode or holds a NUL is a 400; a state-changing request with a non-JSON body is a 415 (an HTML
 * form or a `text/plain` fetch from another site cannot send JSON without a CORS preflight).
 */
export function checkApiRequest(request: Request): void {
  const crossSite = crossSiteReason(request.method, request.headers);
  if (crossSite) throw new AppError("cross_site", `Cross-site request refused. ${crossSite}`);
  const urlProblem = urlInputProblem(request.url);
  if (urlProblem) throw new AppError("invalid_input", urlProblem);
  if (UNSAFE_METHODS.has(request.method.toUpperCase()) && hasBody(request) && !isJsonContentType(request.headers.get("content-type"))) {
    throw unsupportedMediaType();
  }
}
