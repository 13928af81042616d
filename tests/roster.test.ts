import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "../lib/db";
import { listAudit } from "../lib/queries/audit";
import { decryptSecret } from "../lib/secret-box";
import { createModelSchema, modelActionSchema, updateModelSchema } from "../lib/roster/schema";
import * as modelsRoute from "../app/api/admin/models/route";
import * as modelRoute from "../app/api/admin/models/[id]/route";
import * as actionsRoute from "../app/api/admin/models/[id]/actions/route";
import { callJson, createAccount, signInAs } from "./support/sessions";

vi.mock("next-auth", async (importOriginal) => (await import("./support/sessions")).mockNextAuth(importOriginal));

let run = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++run}`;

function liveModel(overrides: Record<string, unknown> = {}) {
  const name = unique("model");
  return {
    name,
    displayName: `Model ${name}`,
    organization: "Acme AI",
    licenseKind: "PROPRIETARY",
    license: "",
    releaseDate: "2026-01-15",
    provider: "openai-compatible",
    providerConfig: { baseUrl: "http://127.0.0.1:9/v1", modelId: "acme-1" },
    apiKey: "sk-test-very-secret-123",
    samplingWeight: 2,
    ...overrides,
  };
}

let admin: { id: string; email: string };

beforeAll(async () => {
  admin = await createAccount("ADMIN");
  await db().policySettings.upsert({ where: { id: 1 }, create: { id: 1, privateVariantCap: 3 }, update: { privateVariantCap: 3 } });
});

beforeEach(() => signInAs(admin));

describe("POST /api/admin/models", () => {
  it("adds a live model: 201, key encrypted at rest and never returned, audited without secrets, public event", async () => {
    const input = liveModel();
    const { status, body } = await callJson(modelsRoute.POST, { body: input });
    expect(status).toBe(201);
    expect(body.model).toMatchObject({
      name: input.name,
      organization: "Acme AI",
      licenseKind: "PROPRIETARY",
      license: "proprietary",
      releaseDate: "2026-01-15",
      provider: "openai-compatible",
      providerConfig: { baseUrl: "http://127.0.0.1:9/v1", modelId: "acme-1", timeoutMs: 60000 },
      hasApiKey: true,
      samplingWeight: 2,
      visibility: "PUBLIC",
      status: "ACTIVE",
    });
    expect(JSON.stringify(body)).not.toContain("sk-test-very-secret-123");
    expect(body.model).not.toHaveProperty("apiKeyCiphertext");

    const row = await db().model.findUniqueOrThrow({ where: { id: body.model.id }, select: { apiKeyCiphertext: true } });
    expect(row.apiKeyCiphertext).toMatch(/^v1\./);
    expect(row.apiKeyCiphertext).not.toContain("sk-test");
    expect(decryptSecret(row.apiKeyCiphertext!)).toBe("sk-test-very-secret-123");

    const audit = (await listAudit({ entity: "model", take: 50 })).find((e) => e.entityId === body.model.id);
    expect(audit).toMatchObject({ action: "model.create", actorEmail: admin.email });
    expect(JSON.stringify(audit)).not.toContain("sk-test");
    expect(JSON.stringify(audit)).not.toContain(row.apiKeyCiphertext!);
    expect((audit!.after as Record<string, unknown>).apiKey).toBe("set");

    const events = await db().rosterEvent.findMany({ where: { modelId: body.model.id } });
    expect(events.map((e) => e.kind)).toEqual(["added"]);
  });

  it.each([
    [{ name: "" }, "name", "Name is required"],
    [{ name: "has space" }, "name", "no spaces"],
    [{ displayName: " " }, "displayName", "Display name is required"],
    [{ licenseKind: "OPEN_WEIGHTS", license: "" }, "license", "licence name"],
    [{ licenseKind: "FREE" }, "licenseKind", "PROPRIETARY or OPEN_WEIGHTS"],
    [{ releaseDate: "15/01/2026" }, "releaseDate", "YYYY-MM-DD"],
    [{ releaseDate: "2026-02-30" }, "releaseDate", "real calendar date"],
    [{ provider: "mystery" }, "provider", "Provider must be one of"],
    [{ providerConfig: { baseUrl: "ftp://x", modelId: "m" } }, "providerConfig.baseUrl", "http"],
    [{ providerConfig: { baseUrl: "http://x.test/v1" } }, "providerConfig.modelId", "modelId is required"],
    [{ provider: "replay", providerConfig: {}, apiKey: "sk" }, "apiKey", "no API key"],
    [{ samplingWeight: -1 }, "samplingWeight", "cannot be negative"],
    [{ visibility: "WITHDRAWN" }, "visibility", "PUBLIC or PRIVATE_TESTING"],
  ])("refuses %o with a 400 naming %s", async (overrides, field, message) => {
    const { status, body } = await callJson(modelsRoute.POST, { body: liveModel(overrides) });
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.details[field]).toContain(message);
  });

  it("refuses a taken name with a 409 and a clear message", async () => {
    const input = liveModel();
    expect((await callJson(modelsRoute.POST, { body: input })).status).toBe(201);
    const { status, body } = await callJson(modelsRoute.POST, { body: { ...input, displayName: "Other" } });
    expect(status).toBe(409);
    expect(body.error).toMatchObject({ code: "model_name_taken", details: { name: "This name is already on the roster." } });
    expect(body.error.message).toContain(input.name);
  });

  it("refuses anonymous (401), contributors and customers (403)", async () => {
    signInAs(null);
    expect((await callJson(modelsRoute.POST, { body: liveModel() })).status).toBe(401);
    signInAs(await createAccount("CONTRIBUTOR"));
    expect((await callJson(modelsRoute.POST, { body: liveModel() })).status).toBe(403);
    signInAs(await createAccount("CUSTOMER"));
    expect((await callJson(modelsRoute.POST, { body: liveModel() })).status).toBe(403);
  });
});

describe("private-variant cap", () => {
  it("refuses a fourth private variant of one organization (409), case-insensitively, and counts only that organization", async () => {
    const org = unique("Lab");
    for (let i = 0; i < 3; i++) {
      const { status } = await callJson(modelsRoute.POST, { body: liveModel({ organization: org, visibility: "PRIVATE_TESTING" }) });
      expect(status).toBe(201);
    }
    const fourth = await callJson(modelsRoute.POST, {
      body: liveModel({ organization: org.toUpperCase(), visibility: "PRIVATE_TESTING" }),
    });
    expect(fourth.status).toBe(409);
    expect(fourth.body.error.code).toBe("private_cap_reached");
    expect(fourth.body.error.message).toContain("(3)");
    // Public models and other organizations are not limited.
    expect((await callJson(modelsRoute.POST, { body: liveModel({ organization: org }) })).status).toBe(201);
    expect(
      (await callJson(modelsRoute.POST, { body: liveModel({ organization: unique("Other"), visibility: "PRIVATE_TESTING" }) })).status,
    ).toBe(201);
  });

  it("holds under concurrent adds: of six simultaneous private variants exactly three are accepted", async () => {
    const org = unique("Race");
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        callJson(modelsRoute.POST, { body: liveModel({ organization: org, visibility: "PRIVATE_TESTING" }) }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409, 409]);
    expect(await db().model.count({ where: { organization: org, visibility: "PRIVATE_TESTING" } })).toBe(3);
  });

  it("applies when a model without votes is switched to private, and a deprecated variant frees its slot", async () => {
    const org = unique("Switch");
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await callJson(modelsRoute.POST, { body: liveModel({ organization: org, visibility: "PRIVATE_TESTING" }) })).body.model.id);
    const pub = (await callJson(modelsRoute.POST, { body: liveModel({ organization: org }) })).body.model;
    const refused = await callJson(modelRoute.PATCH, { method: "PATCH", params: { id: pub.id }, body: { visibility: "PRIVATE_TESTING" } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("private_cap_reached");

    const deprecated = await callJson(actionsRoute.POST, {
      params: { id: ids[0] },
      body: { action: "deprecate", clause: "provider_request", reason: "The provider asked to stop testing it." },
    });
    expect(deprecated.status).toBe(200);
    const switched = await callJson(modelRoute.PATCH, { method: "PATCH", params: { id: pub.id }, body: { visibility: "PRIVATE_TESTING" } });
    expect(switched.status).toBe(200);
    expect(switched.body.model.visibility).toBe("PRIVATE_TESTING");
  });
});

describe("schemas", () => {
  it("defaults visibility to public and names a proprietary licence", () => {
    const parsed = createModelSchema.parse(liveModel({ visibility: undefined, apiKey: "" }));
    expect(parsed).toMatchObject({ visibility: "PUBLIC", license: "proprietary" });
    expect(parsed.apiKey).toBeUndefined();
  });

  it("refuses an unknown or name field on edit", () => {
    const parsed = updateModelSchema.safeParse({ name: "renamed" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0].message).toContain("name cannot be changed");
  });

  it("needs a clause and a reason to deprecate", () => {
    const parsed = modelActionSchema.safeParse({ action: "deprecate" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path[0]).sort()).toEqual(["clause", "reason"]);
    expect(modelActionSchema.safeParse({ action: "pause" }).success).toBe(true);
  });
});
