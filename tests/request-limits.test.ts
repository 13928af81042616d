import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import * as signupRoute from "../app/api/signup/route";
import * as voteRoute from "../app/api/battles/[id]/vote/route";
import * as snapshotRoute from "../app/api/snapshots/[id]/route";
import * as authRoute from "../app/api/auth/[...nextauth]/route";
import { readJson } from "../lib/api";
import { DEFAULT_BODY_LIMIT_BYTES } from "../lib/http/body";
import { AUTH_BODY_LIMIT_BYTES } from "../lib/http/auth-route-guard";
import { createAccount, signInAs } from "./support/sessions";

vi.mock("next-auth", async (importOriginal) => (await import("./support/sessions")).mockNextAuth(importOriginal));

/**
 * Oversized and malformed input at the boundary: a huge body is refused after reading at most the
 * cap (the test counts the bytes the server pulled from the stream), and a NUL or an unpaired
 * surrogate anywhere is a 400 with a message, never a database error. The same over real HTTP, with
 * a 200 MB upload, is in e2e/web-security.spec.ts.
 */

const CHUNK = 64 * 1024;

/** A body of `total` bytes made on demand, counting what the reader actually pulled. */
function lazyBody(total: number) {
  const stats = { pulled: 0 };
  const chunk = new Uint8Array(CHUNK).fill(0x61);
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (stats.pulled >= total) return controller.close();
        stats.pulled += CHUNK;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, stats };
}

function jsonRequest(url: string, body: BodyInit, headers: Record<string, string> = {}) {
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

async function errorOf(response: Response) {
  return {
    status: response.status,
    error: ((await response.json()) as { error: { code: string; message: string; details?: Record<string, string> } }).error,
  };
}

const schema = z.object({ name: z.string() });
const TWO_HUNDRED_MB = 200 * 1024 * 1024;

describe("body caps", () => {
  it("refuses a 200 MB body announced by Content-Length before reading any of it", async () => {
    const { stream, stats } = lazyBody(TWO_HUNDRED_MB);
    const response = await signupRoute.POST(
      jsonRequest("http://localhost/api/signup", stream, { "content-length": String(TWO_HUNDRED_MB) }),
    );
    const { status, error } = await errorOf(response);
    expect(status).toBe(413);
    expect(error.code).toBe("payload_too_large");
    expect(error.message).toContain("64 KB");
    expect(stats.pulled).toBeLessThanOrEqual(CHUNK);
  });

  it("stops reading a 200 MB chunked body at the cap", async () => {
    const { stream, stats } = lazyBody(TWO_HUNDRED_MB);
    const response = await signupRoute.POST(jsonRequest("http://localhost/api/signup", stream));
    expect(response.status).toBe(413);
    expect(stats.pulled).toBeLessThanOrEqual(DEFAULT_BODY_LIMIT_BYTES + 2 * CHUNK);
  });

  it("applies a route's own cap, and reads a body under it", async () => {
    const body = JSON.stringify({ name: "x".repeat(100 * 1024) });
    await expect(readJson(jsonRequest("http://localhost/x", body), schema)).rejects.toMatchObject({ code: "payload_too_large" });
    await expect(readJson(jsonRequest("http://localhost/x", body), schema, { maxBytes: 128 * 1024 })).resolves.toEqual({
      name: "x".repeat(100 * 1024),
    });
  });

  it("caps next-auth's form posts too", async () => {
    const { stream, stats } = lazyBody(TWO_HUNDRED_MB);
    const request = new Request("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const response = await authRoute.POST(request as never, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
    expect(response.status).toBe(413);
    expect(stats.pulled).toBeLessThanOrEqual(AUTH_BODY_LIMIT_BYTES + 2 * CHUNK);
  });
});

describe("text that cannot be stored", () => {
  it.each([
    ["a NUL in the email", '{"email":"a\\u0000@example.com","password":"password123"}', "email"],
    ["a NUL in the password", '{"email":"nul@example.com","password":"pass\\u0000word123"}', "password"],
    ["an unpaired surrogate", '{"email":"\\ud800@example.com","password":"password123"}', "email"],
    ["a NUL in a key", '{"email":"nul2@example.com","password":"password123","x\\u0000":1}', "(key)"],
  ])("answers %s in a sign-up with a 400 naming the field", async (_label, body, field) => {
    const { status, error } = await errorOf(await signupRoute.POST(jsonRequest("http://localhost/api/signup", body)));
    expect(status).toBe(400);
    expect(error.code).toBe("invalid_input");
    expect(error.message).toContain(field);
    expect(error.message).toMatch(/NUL|surrogate/);
  });

  it("answers bytes that are not UTF-8 with a 400", async () => {
    const { status, error } = await errorOf(
      await signupRoute.POST(jsonRequest("http://localhost/api/signup", new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]))),
    );
    expect(status).toBe(400);
    expect(error.message).toContain("UTF-8");
  });

  it("refuses a body that is not sent as JSON with a 415", async () => {
    const request = new Request("http://localhost/api/signup", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: '{"email":"a@example.com","password":"password123"}',
    });
    const { status, error } = await errorOf(await signupRoute.POST(request));
    expect(status).toBe(415);
    expect(error.message).toContain("application/json");
  });

  it("answers a NUL in an id or a query with a 400, before any lookup", async () => {
    signInAs(await createAccount("CUSTOMER"));
    const vote = await voteRoute.POST(jsonRequest("http://localhost/api/battles/a%00b/vote", '{"outcome":"A"}'), {
      params: Promise.resolve({ id: "a\u0000b" }),
    });
    expect((await errorOf(vote)).error.message).toContain("NUL");
    const snapshot = await snapshotRoute.GET(new Request("http://localhost/api/snapshots/x%00y"), {
      params: Promise.resolve({ id: "x\u0000y" }),
    });
    expect(snapshot.status).toBe(400);
    const query = await snapshotRoute.GET(new Request("http://localhost/api/snapshots/abc?slice=region%3A%00"), {
      params: Promise.resolve({ id: "abc" }),
    });
    expect((await errorOf(query)).error.message).toContain('"slice"');
  });
});
