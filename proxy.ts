import { NextResponse, type NextRequest } from "next/server";
import { webEnv } from "@/lib/env";
import { crossSiteReason } from "@/lib/http/cross-site";
import { HSTS_VALUE, newNonce, pageCsp, shouldSendHsts } from "@/lib/http/security-headers";
import { urlInputProblem } from "@/lib/http/url-input";

/**
 * Runs before every page (not API routes or static files: see `config`). It gives each page request a
 * fresh CSP nonce (Next.js reads it from the request's Content-Security-Policy header and puts it on
 * its own scripts; every page renders dynamically, see app/layout.tsx), refuses server-action POSTs
 * from other sites with a 403 (Next.js itself would answer them with a 500), and answers a URL that
 * does not decode or holds a NUL (`/models/%ZZ`, `/models/%00`) with a 400 instead of a crash.
 */
export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/api/")) {
    // Only API paths with a percent sign come here (see `config`): Next.js would answer an
    // undecodable one with a bare 500 before the route handler could say what is wrong.
    const problem = urlInputProblem(request.nextUrl);
    if (!problem) return NextResponse.next();
    return NextResponse.json(
      { error: { code: "invalid_input", message: problem } },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
  const crossSite = crossSiteReason(request.method, request.headers);
  if (crossSite) return plainError(403, `Cross-site request refused. ${crossSite}`, request);
  const urlProblem = urlInputProblem(request.nextUrl);
  if (urlProblem) return plainError(400, urlProblem, request);

  const nonce = newNonce();
  const csp = pageCsp(nonce, webEnv().NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (shouldSendHsts(request.headers)) response.headers.set("Strict-Transport-Security", HSTS_VALUE);
  return response;
}

function plainError(status: number, message: string, request: NextRequest): NextResponse {
  const response = new NextResponse(`${status === 403 ? "Forbidden" : "Bad request"}: ${message}\n`, {
    status,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
      "Cache-Control": "no-store",
    },
  });
  if (shouldSendHsts(request.headers)) response.headers.set("Strict-Transport-Security", HSTS_VALUE);
  return response;
}

export const config = {
  // API routes are left out on purpose: when the proxy runs, Next.js buffers the request body for it
  // and waits for the whole upload before the route handler starts, which would defeat the fast 413
  // of readJson (lib/http/body.ts). They get fixed headers from next.config.ts and their checks in
  // lib/api.ts. Prefetches and static files need no CSP. The exception: API paths holding a percent
  // sign, checked for an undecodable escape (`/api/snapshots/%ZZ`) that Next.js would turn into a 500.
  matcher: [
    "/api/(.*%.*)",
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
