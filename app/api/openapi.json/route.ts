import { NextResponse } from "next/server";
import { handle } from "@/lib/api";
import { buildOpenApiDocument } from "@/lib/openapi/document";

export const dynamic = "force-dynamic";

let cached: Record<string, unknown> | null = null;

/** The OpenAPI 3.1 document of the data API (public; generated once per process from the zod schemas). */
export const GET = handle(async () => {
  cached ??= buildOpenApiDocument();
  return NextResponse.json(cached, { headers: { "Cache-Control": "public, max-age=300" } });
});
