import { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api";
import { AppError } from "@/lib/errors";
import { readBodyText } from "./body";
import { crossSiteReason } from "./cross-site";
import { withHsts } from "./security-headers";
import { urlInputProblem } from "./url-input";

/** next-auth's forms (sign-in, sign-out, CSRF token) are a few hundred bytes. */
export const AUTH_BODY_LIMIT_BYTES = 16 * 1024;

type AuthHandler<C> = (request: NextRequest, context: C) => Promise<Response>;

/**
 * Puts next-auth's route behind the same boundary as the API (it does not go through `handle`):
 * a cross-site POST is refused before next-auth sees it (its CSRF token already protects sign-in and
 * sign-out; this also stops login CSRF by a sibling site), a bad URL is a 400, and a form body is read
 * up to AUTH_BODY_LIMIT_BYTES (413 beyond) before next-auth parses it.
 */
export function guardAuthRoute<C>(handler: AuthHandler<C>): AuthHandler<C> {
  return async (request, context) => {
    try {
      const crossSite = crossSiteReason(request.method, request.headers);
      if (crossSite) throw new AppError("cross_site", `Cross-site request refused. ${crossSite}`);
      const urlProblem = urlInputProblem(request.url);
      if (urlProblem) throw new AppError("invalid_input", urlProblem);
      if (request.method !== "POST") return withHsts(await handler(request, context));
      const body = await readBodyText(request, AUTH_BODY_LIMIT_BYTES);
      const headers = new Headers(request.headers);
      headers.delete("content-length");
      headers.delete("transfer-encoding");
      const copy = new NextRequest(request.url, { method: "POST", headers, body });
      return withHsts(await handler(copy, context));
    } catch (error) {
      return withHsts(errorResponse(error));
    }
  };
}
