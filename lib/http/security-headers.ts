import { webEnv } from "@/lib/env";
import { HSTS_VALUE } from "./header-values";

export { API_CSP, HSTS_VALUE, STATIC_SECURITY_HEADERS, newNonce, pageCsp } from "./header-values";

/**
 * Whether answers should carry Strict-Transport-Security: when the site's public URL (NEXTAUTH_URL) is
 * https, or the request reached the app through an HTTPS proxy (X-Forwarded-Proto). Browsers ignore the
 * header on plain HTTP, so a spoofed X-Forwarded-Proto gains nothing.
 */
export function shouldSendHsts(headers?: Headers): boolean {
  if (webEnv().NEXTAUTH_URL?.startsWith("https:")) return true;
  return headers?.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}

/** Adds HSTS to an API answer when the site is served over HTTPS (the other headers come from next.config.ts). */
export function withHsts(response: Response): Response {
  if (!shouldSendHsts()) return response;
  try {
    response.headers.set("Strict-Transport-Security", HSTS_VALUE);
  } catch {
    // Responses built by Response.redirect() have immutable headers; the proxy in front still has HSTS.
  }
  return response;
}
