import { vi } from "vitest";
import { db } from "../../lib/db";
import { setAuthEnv } from "../../lib/env";
import { createUser } from "../../lib/queries/users";
import type { Role } from "../../lib/generated/prisma/enums";

/**
 * Test double for the signed-in session: lib/session.ts asks next-auth's getServerSession, which
 * outside a Next request has no cookies to read. Test files call `vi.mock("next-auth", mockNextAuth)`
 * and then `signInAs(user)` / `signOut()`; lib/session.ts then reads that user (and their role)
 * from the database as it does in production.
 */
export const sessionState: { userId: string | null } = { userId: null };

export async function mockNextAuth(importOriginal: () => Promise<unknown>) {
  const original = (await importOriginal()) as Record<string, unknown>;
  return {
    ...original,
    getServerSession: vi.fn(async () =>
      sessionState.userId ? { user: { id: sessionState.userId }, expires: new Date(Date.now() + 3_600_000).toISOString() } : null,
    ),
  };
}

export function signInAs(user: { id: string } | null): void {
  // lib/auth.ts needs a secret to build its options, as under `npm start`.
  if (!process.env.NEXTAUTH_SECRET) setAuthEnv({ secret: "test-nextauth-secret-0123456789" });
  sessionState.userId = user?.id ?? null;
}

let counter = 0;

/** A fresh account with this role. */
export async function createAccount(role: Role): Promise<{ id: string; email: string }> {
  counter += 1;
  const user = await createUser({ email: `${role.toLowerCase()}-${Date.now()}-${counter}@example.com`, password: "password123" });
  if (role !== "CONTRIBUTOR") await db().user.update({ where: { id: user.id }, data: { role } });
  return user;
}

/** Calls a route handler with a JSON body and returns status and parsed body. */
export async function callJson(
  // Route handlers type their params differently; any handler taking (request, context) will do.
  handler: (request: Request, context: { params: Promise<any> }) => Promise<Response>,
  init: { method?: string; body?: unknown; params?: Record<string, string | string[]>; url?: string } = {},
): Promise<{ status: number; body: any }> {
  const request = new Request(init.url ?? "http://localhost/api/test", {
    method: init.method ?? "POST",
    headers: { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (CSV exports): keep the text
  }
  return { status: response.status, body };
}
