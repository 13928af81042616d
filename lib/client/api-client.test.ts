import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, apiErrorMessage, apiRequest } from "./api-client";

function mockFetch(impl: (url: string, init: RequestInit) => Promise<Response>) {
  const fn = vi.fn(impl);
  vi.stubGlobal("fetch", fn);
  return fn;
}

afterEach(() => vi.unstubAllGlobals());

describe("apiRequest", () => {
  it("sends a JSON body with the method and resolves to the parsed answer", async () => {
    const fetch = mockFetch(async () => Response.json({ model: { id: "m1" } }, { status: 201 }));
    await expect(apiRequest("/api/admin/models", { method: "POST", body: { name: "x" } })).resolves.toEqual({ model: { id: "m1" } });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe("/api/admin/models");
    expect(init.method).toBe("POST");
    expect(init.body).toBe('{"name":"x"}');
    expect((init.headers as Record<string, string>)["content-type"]).toBe("application/json");
  });

  it("defaults to GET without a body and to POST with one", async () => {
    const fetch = mockFetch(async () => Response.json({}));
    await apiRequest("/a");
    await apiRequest("/b", { body: {} });
    expect(fetch.mock.calls.map(([, init]) => init.method)).toEqual(["GET", "POST"]);
    expect(fetch.mock.calls[0][1].body).toBeUndefined();
  });

  it("turns an error body into an ApiError with code, message, details and retryAfterSeconds", async () => {
    mockFetch(async () =>
      Response.json(
        { error: { code: "rate_limited", message: "Slow down", details: { retryAfterSeconds: "120", name: "taken" } } },
        { status: 429 },
      ),
    );
    const error = await apiRequest("/x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 429,
      code: "rate_limited",
      message: "Slow down",
      details: { retryAfterSeconds: "120", name: "taken" },
      retryAfterSeconds: 120,
    });
  });

  it("reads retryAfterSeconds from the Retry-After header and stringifies non-string details", async () => {
    mockFetch(async () =>
      Response.json(
        { error: { code: "rate_limited", message: "m", details: { limit: 3 } } },
        { status: 429, headers: { "retry-after": "30" } },
      ),
    );
    await expect(apiRequest("/x")).rejects.toMatchObject({ retryAfterSeconds: 30, details: { limit: "3" } });
  });

  it("a failure without a JSON body: internal for 5xx, bad_response otherwise", async () => {
    mockFetch(async () => new Response("<html>oops</html>", { status: 502, statusText: "Bad Gateway" }));
    await expect(apiRequest("/x")).rejects.toMatchObject({ status: 502, code: "internal", message: "Bad Gateway", details: {} });
    mockFetch(async () => new Response("nope", { status: 404 }));
    await expect(apiRequest("/x")).rejects.toMatchObject({ status: 404, code: "bad_response" });
  });

  it("a network failure becomes code network with status 0", async () => {
    mockFetch(async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(apiRequest("/x")).rejects.toMatchObject({ name: "ApiError", status: 0, code: "network" });
  });

  it("an abort is rethrown as is, not as a network error", async () => {
    mockFetch(async () => {
      throw new DOMException("aborted", "AbortError");
    });
    await expect(apiRequest("/x")).rejects.toMatchObject({ name: "AbortError" });
  });

  it("204 and empty bodies resolve to undefined; a non-JSON 200 is bad_response", async () => {
    mockFetch(async () => new Response(null, { status: 204 }));
    await expect(apiRequest("/x", { method: "DELETE" })).resolves.toBeUndefined();
    mockFetch(async () => new Response("", { status: 200 }));
    await expect(apiRequest("/x")).resolves.toBeUndefined();
    mockFetch(async () => new Response("not json", { status: 200 }));
    await expect(apiRequest("/x")).rejects.toMatchObject({ code: "bad_response" });
  });
});

describe("apiErrorMessage", () => {
  // A stand-in translator that shows which key and values were used.
  const t = (key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key);

  it.each([
    ["a non-ApiError", new Error("boom"), {}, "internal"],
    ["a translated code", new ApiError(409, "email_taken", "Email taken"), {}, "email_taken"],
    ["a feature's own wording", new ApiError(409, "vote_already_cast", "x"), { vote_already_cast: "Already voted" }, "Already voted"],
    [
      "the server's field detail",
      new ApiError(400, "invalid_input", "Invalid", { name: "Too long" }),
      {},
      'invalid_input {"detail":"Too long"}',
    ],
    [
      "the server's message without details",
      new ApiError(400, "invalid_filter", "Bad country"),
      {},
      'invalid_filter {"detail":"Bad country"}',
    ],
    ["minutes to wait, rounded up", new ApiError(429, "rate_limited", "x", {}, 61), {}, 'rate_limited {"minutes":2}'],
    ["at least one minute", new ApiError(429, "rate_limited", "x", {}, 5), {}, 'rate_limited {"minutes":1}'],
    ["a minute when the server said nothing", new ApiError(429, "rate_limited", "x"), {}, 'rate_limited {"minutes":1}'],
    ["network", new ApiError(0, "network", "Failed"), {}, "network"],
  ] as const)("%s", (_, error, overrides, expected) => {
    expect(apiErrorMessage(error, t, overrides)).toBe(expected);
  });

  it("an unknown code falls back to internal", () => {
    expect(apiErrorMessage(new ApiError(418, "teapot" as never, "x"), t)).toBe("internal");
  });
});
