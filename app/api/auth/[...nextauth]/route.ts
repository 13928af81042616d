import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api";
import { getAuthOptions } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import { guardAuthRoute } from "@/lib/http/auth-route-guard";
import { beginSignInAttempt } from "@/lib/identity/sign-in-throttle";
import { clientIp } from "@/lib/rate-limit";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest | Request, context: Context): Promise<Response> {
  return NextAuth(request as never, context as never, getAuthOptions());
}

/** The email of a credentials sign-in (next-auth's client posts a form; JSON is accepted too). */
async function emailOf(request: Request): Promise<string | null> {
  try {
    const text = await request.clone().text();
    const isJson = request.headers.get("content-type")?.includes("application/json");
    const value = isJson ? (JSON.parse(text) as { email?: unknown }).email : new URLSearchParams(text).get("email");
    return typeof value === "string" && value.trim() ? value.trim().slice(0, 254) : null;
  } catch {
    return null;
  }
}

/** next-auth answers a failed credentials sign-in with 401, or with a redirect/url naming an error. */
async function isSuccess(response: Response): Promise<boolean> {
  if (response.status >= 400) return false;
  const url =
    response.headers.get("location") ??
    (
      (await response
        .clone()
        .json()
        .catch(() => null)) as { url?: unknown } | null
    )?.url;
  return typeof url === "string" && !/[?&]error=/.test(url);
}

/**
 * next-auth's credentials callback cannot answer 429, so password guessing is throttled here:
 * per account and per address (lib/identity/sign-in-throttle.ts), before the password is checked.
 * The 429 keeps next-auth's JSON shape (`url` with an error) so its client reports it.
 */
async function throttledCredentialsSignIn(request: Request, context: Context): Promise<Response> {
  let attempt;
  try {
    attempt = await beginSignInAttempt({ email: await emailOf(request), ip: clientIp(request) });
  } catch (error) {
    const response = errorResponse(error);
    if (!isAppError(error) || error.code !== "rate_limited") return response;
    const body = (await response.json()) as Record<string, unknown>;
    const url = new URL("/signin?error=RateLimited", request.url).toString();
    return Response.json({ ...body, url }, { status: 429, headers: response.headers });
  }
  const response = await handler(request, context);
  if (await isSuccess(response)) await attempt.succeeded();
  return response;
}

// Cross-site refusal, URL checks and a body cap come first (lib/http/auth-route-guard.ts).
export const GET = guardAuthRoute(handler);

export const POST = guardAuthRoute(async (request: NextRequest, context: Context): Promise<Response> => {
  const [action, provider] = (await context.params).nextauth ?? [];
  if (action === "callback" && provider === "credentials") return throttledCredentialsSignIn(request, context);
  return handler(request, context);
});
