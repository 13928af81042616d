import { AppError } from "@/lib/errors";
import { crossSiteReason, UNSAFE_METHODS } from "./cross-site";
import { urlInputProblem } from "./url-input";

/** True for `application/json` and `application/<something>+json`, with any parameters. */
export function isJsonContentType(value: string | null): boolean {
  const type = value?.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * True when a state-changing request carries a body that is not JSON: a declared non-JSON type (an HTML
 * form, a `text/plain` fetch), or a body announced without any type. A bodyless DELETE or POST (no
 * Content-Type, no length) passes: some clients send no Content-Length at all, and the server then hands
 * the handler an empty stream.
 */
function hasNonJsonBody(request: Request): boolean {
  const type = request.headers.get("content-type");
  if (type !== null) return !isJsonContentType(type);
  const length = request.headers.get("content-length");
  return (length !== null && Number(length) > 0) || request.headers.has("transfer-encoding");
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
  if (UNSAFE_METHODS.has(request.method.toUpperCase()) && hasNonJsonBody(request)) {
    throw unsupportedMediaType();
  }
}
