import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/auth";
import { guardAuthRoute } from "@/lib/http/auth-route-guard";

type Context = { params: Promise<{ nextauth: string[] }> };

async function nextAuth(request: NextRequest, context: Context): Promise<Response> {
  return NextAuth(request as never, context as never, getAuthOptions());
}

// Cross-site refusal, URL checks and a body cap before next-auth (lib/http/auth-route-guard.ts).
const handler = guardAuthRoute(nextAuth);

export { handler as GET, handler as POST };
