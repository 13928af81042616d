import dns from "node:dns";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as modelsRoute from "../app/api/admin/models/route";
import * as modelRoute from "../app/api/admin/models/[id]/route";
import { db } from "../lib/db";
import { generateResponse, isProviderError, providerFor, type GenerateRequest } from "../lib/providers";
import { listAudit } from "../lib/queries/audit";
import { seedRoster } from "../lib/seed";
import { startFakeOpenAi, type FakeServer } from "./support/fake-openai";
import { callJson, createAccount, signInAs } from "./support/sessions";

vi.mock("next-auth", async (importOriginal) => (await import("./support/sessions")).mockNextAuth(importOriginal));

/**
 * Server-side request forgery through provider base URLs, as an admin (or whoever holds an admin
 * session) would try it: cloud metadata, loopback and private addresses, a name that resolves to one,
 * a provider that redirects elsewhere; and a key that must not follow its model to a new host.
 */

let fake: FakeServer;
let admin: { id: string };
let run = 0;
const ALLOW = "SHOWDOWN_ALLOW_PRIVATE_PROVIDER_URLS";

function setAllowPrivate(isAllowed: boolean) {
  process.env[ALLOW] = isAllowed ? "true" : "false";
}

async function addModel(baseUrl: string, extra: Record<string, unknown> = {}) {
  run += 1;
  const name = `ssrf-${Date.now().toString(36)}-${run}`;
  return callJson(modelsRoute.POST, {
    body: {
      name,
      displayName: `SSRF ${run}`,
      organization: "Org",
      licenseKind: "PROPRIETARY",
      provider: "openai-compatible",
      providerConfig: { baseUrl, modelId: "ok-1" },
      ...extra,
    },
  });
}

/** Answers every name under .attacker.test with `address` (an attacker's DNS); other names resolve normally. */
function fakeDns(address: string) {
  const real = dns.lookup;
  return vi.spyOn(dns, "lookup").mockImplementation(((hostname: string, options: unknown, callback?: unknown) => {
    const cb = (typeof options === "function" ? options : callback) as (...args: unknown[]) => void;
    const opts = (typeof options === "object" && options ? options : {}) as dns.LookupOptions;
    if (!hostname.endsWith(".attacker.test")) return (real as (...args: unknown[]) => void)(hostname, options, callback);
    const family = address.includes(":") ? 6 : 4;
    process.nextTick(() => (opts.all ? cb(null, [{ address, family }]) : cb(null, address, family)));
  }) as typeof dns.lookup);
}

function liveRequest(baseUrl: string): GenerateRequest {
  return {
    model: { name: "ssrf-model", provider: "openai-compatible", providerConfig: { baseUrl, modelId: "ok-1", timeoutMs: 3000 } },
    prompt: { source: "user", externalId: "x", text: "hi" },
    apiKey: "sk-secret",
  };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return isProviderError(error) ? `${error.reason}: ${error.message}` : `unexpected: ${String(error)}`;
  }
  return "succeeded";
}

beforeAll(async () => {
  fake = await startFakeOpenAi();
  await seedRoster();
  admin = await createAccount("ADMIN");
});
afterAll(async () => {
  await fake.close();
  setAllowPrivate(true);
});
beforeEach(() => signInAs(admin));
afterEach(() => {
  vi.restoreAllMocks();
  setAllowPrivate(true);
});

describe("setting a base URL (POST/PATCH /api/admin/models)", () => {
  it.each([
    "http://169.254.169.254/latest/meta-data/",
    "http://[fd00:ec2::254]/",
    "http://metadata.google.internal/",
    "http://2852039166/",
  ])("refuses %s with a 400 that says why, even with private URLs allowed", async (baseUrl) => {
    setAllowPrivate(true);
    const { status, body } = await addModel(baseUrl);
    expect(status).toBe(400);
    expect(body.error.details["providerConfig.baseUrl"]).toMatch(/link-local|metadata/);
  });

  it("refuses http://127.0.0.1 without SHOWDOWN_ALLOW_PRIVATE_PROVIDER_URLS and accepts it with the setting", async () => {
    setAllowPrivate(false);
    const refused = await addModel(`${fake.url}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain("SHOWDOWN_ALLOW_PRIVATE_PROVIDER_URLS=true");
    setAllowPrivate(true);
    const accepted = await addModel(`${fake.url}`);
    expect(accepted.status).toBe(201);
  });

  it("refuses an edit that moves a model to a metadata address", async () => {
    const { body } = await addModel("https://api.example.com/v1");
    const edit = await callJson(modelRoute.PATCH, {
      method: "PATCH",
      params: { id: body.model.id },
      body: { providerConfig: { baseUrl: "http://169.254.169.254/", modelId: "m" } },
    });
    expect(edit.status).toBe(400);
    expect(edit.body.error.details["providerConfig.baseUrl"]).toContain("169.254.169.254");
  });

  it("refuses a name whose DNS answer is a metadata or private address", async () => {
    setAllowPrivate(false);
    fakeDns("169.254.169.254");
    const metadata = await addModel("http://innocent.attacker.test/v1");
    expect(metadata.status).toBe(400);
    expect(metadata.body.error.message).toContain("innocent.attacker.test (169.254.169.254)");
    vi.restoreAllMocks();
    fakeDns("10.0.0.7");
    const internal = await addModel("http://intranet.attacker.test/v1");
    expect(internal.status).toBe(400);
    expect(internal.body.error.message).toContain("private-network");
  });
});

describe("calling a provider (every connection is checked)", () => {
  it("refuses at request time a name that resolves to a loopback address, and never reaches the server", async () => {
    const port = new URL(fake.url).port;
    fakeDns("127.0.0.1");
    const before = fake.requests.length;
    setAllowPrivate(false);
    const refused = await failure(
      generateResponse(providerFor("openai-compatible")!, liveRequest(`http://rebind.attacker.test:${port}`), 5000),
    );
    expect(refused).toMatch(/^provider_error: .*rebind\.attacker\.test \(127\.0\.0\.1\).*loopback/);
    expect(fake.requests.length).toBe(before);
    // The same call with the setting reaches the fake server: the refusal above was the guard's doing.
    setAllowPrivate(true);
    const result = await generateResponse(providerFor("openai-compatible")!, liveRequest(`http://rebind.attacker.test:${port}`), 5000);
    expect(result.text).toContain("A short answer");
    expect(fake.requests.length).toBe(before + 1);
  });

  it("refuses a metadata address stored before this check existed", async () => {
    expect(await failure(generateResponse(providerFor("openai-compatible")!, liveRequest("http://169.254.169.254/v1"), 5000))).toMatch(
      /may never point there/,
    );
    expect(
      await failure(
        generateResponse(
          providerFor("anthropic")!,
          {
            ...liveRequest("http://[::ffff:169.254.169.254]"),
            model: {
              ...liveRequest("").model,
              provider: "anthropic",
              providerConfig: { baseUrl: "http://[::ffff:169.254.169.254]", modelId: "m" },
            },
          },
          5000,
        ),
      ),
    ).toMatch(/may never point there/);
  });

  it("does not follow a provider's redirect to another host (the key stays put)", async () => {
    const redirector = http.createServer((_req, res) => {
      res.writeHead(307, { location: `${fake.url}/chat/completions` });
      res.end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, "127.0.0.1", resolve));
    const before = fake.requests.length;
    try {
      const url = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`;
      expect(await failure(generateResponse(providerFor("openai-compatible")!, liveRequest(url), 5000))).toBe(
        "provider_error: The OpenAI-compatible provider answered HTTP 307.",
      );
      expect(fake.requests.length).toBe(before);
    } finally {
      redirector.close();
    }
  });
});

describe("a base URL host change clears the stored key", () => {
  async function keyedModel() {
    const { status, body } = await addModel("https://api.one.example/v1", { apiKey: "sk-for-host-one" });
    expect(status).toBe(201);
    expect(body.model.hasApiKey).toBe(true);
    return body.model.id as string;
  }
  const patch = (id: string, body: Record<string, unknown>) => callJson(modelRoute.PATCH, { method: "PATCH", params: { id }, body });

  it("clears it when the host changes, and audits that", async () => {
    const id = await keyedModel();
    const moved = await patch(id, { providerConfig: { baseUrl: "https://collector.attacker.example/v1", modelId: "ok-1" } });
    expect(moved.status).toBe(200);
    expect(moved.body.model.hasApiKey).toBe(false);
    expect((await db().model.findUniqueOrThrow({ where: { id } })).apiKeyCiphertext).toBeNull();
    const [entry] = await listAudit({ entityId: id, action: "model.update" });
    expect(entry!.after).toMatchObject({ apiKey: "cleared", apiKeyClearedBecause: "base URL host changed" });
  });

  it.each([
    ["a port change", "https://api.one.example:8443/v1"],
    ["a scheme change", "http://api.one.example/v1"],
  ])("counts %s as another host", async (_label, baseUrl) => {
    const id = await keyedModel();
    expect((await patch(id, { providerConfig: { baseUrl, modelId: "ok-1" } })).body.model.hasApiKey).toBe(false);
  });

  it("keeps it for a new path on the same host, and when a new key comes with the change", async () => {
    const id = await keyedModel();
    expect((await patch(id, { providerConfig: { baseUrl: "https://api.one.example/v2", modelId: "ok-2" } })).body.model.hasApiKey).toBe(
      true,
    );
    const moved = await patch(id, {
      providerConfig: { baseUrl: "https://api.two.example/v1", modelId: "ok-1" },
      apiKey: "sk-for-host-two",
    });
    expect(moved.body.model.hasApiKey).toBe(true);
    const [entry] = await listAudit({ entityId: id, action: "model.update" });
    expect(entry!.after).toMatchObject({ apiKey: "set" });
  });
});
