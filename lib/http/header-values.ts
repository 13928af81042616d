/**
 * The security headers of every answer (values only: next.config.ts imports this file, so it imports
 * nothing). Pages get a per-request nonce CSP from proxy.ts; API answers
 * and static files get the fixed headers below from next.config.ts (they are computed at build time,
 * so they hold nothing that depends on the environment).
 */

/** Headers that never change, for every path. */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // frame-ancestors 'none' is the CSP form; X-Frame-Options covers browsers that predate it.
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** JSON and streams are never documents: nothing may run, load or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** One year; no includeSubDomains or preload, which would bind sibling hosts the operator may not own. */
export const HSTS_VALUE = "max-age=31536000";

/**
 * The CSP of a page: scripts only with this request's nonce (Next.js adds it to its own scripts, and
 * 'strict-dynamic' lets those load their chunks); `unsafe-eval` only under `next dev`, where React uses
 * eval for error stacks. Styles allow inline attributes: recharts and Next set `style="…"`, which a
 * nonce cannot cover, and styles cannot run code.
 */
export function pageCsp(nonce: string, isDevelopment: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${isDevelopment ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce: 16 random bytes, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
