import fs from "node:fs";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "../lib/db";
import { markVotesChanged } from "../lib/slice-index/vote-index";
import { listAudit } from "../lib/queries/audit";
import { getDataShare } from "../lib/queries/data-share";
import { listRosterEvents } from "../lib/queries/roster-events";
import { listTestedVariantsReports } from "../lib/queries/tested-variants";
import { changeUserRole } from "../lib/queries/users";
import { releaseDateFromName, seedRoster } from "../lib/seed";
import * as modelsRoute from "../app/api/admin/models/route";
import * as modelRoute from "../app/api/admin/models/[id]/route";
import * as actionsRoute from "../app/api/admin/models/[id]/actions/route";
import * as userRoute from "../app/api/admin/users/[id]/route";
import { resetDatabase } from "./support/database";
import { callJson, createAccount, signInAs } from "./support/sessions";

vi.mock("next-auth", async (importOriginal) => (await import("./support/sessions")).mockNextAuth(importOriginal));

let admin: { id: string; email: string };
let run = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++run}`;

async function addModel(overrides: Record<string, unknown>) {
  const name = unique("variant");
  const { status, body } = await callJson(modelsRoute.POST, {
    body: {
      name,
      displayName: `Codename ${name}`,
      organization: "Org",
      licenseKind: "PROPRIETARY",
      provider: "openai-compatible",
      providerConfig: { baseUrl: "http://127.0.0.1:9/v1", modelId: "m" },
      ...overrides,
    },
  });
  expect(status, JSON.stringify(body)).toBe(201);
  return body.model as { id: string; name: string; organization: string };
}

/** Votes between model pairs from many distinct voters, so the slice is shown and models are rated. */
async function addVotes(pairs: [string, string][], perPair: number) {
  const data = pairs.flatMap(([a, b], p) =>
    Array.from({ length: perPair }, (_, i) => ({
      voterKey: `demo:gov-${p}-${i % 40}`,
      modelAId: a,
      modelBId: b,
      outcome: (i % 3 === 0 ? "B" : "A") as "A" | "B",
      source: "DEMO" as const,
    })),
  );
  await db().vote.createMany({ data });
  markVotesChanged();
}

const act = (id: string, body: Record<string, unknown>) => callJson(actionsRoute.POST, { params: { id }, body });

beforeAll(async () => {
  await resetDatabase();
  await seedRoster();
  admin = await createAccount("ADMIN");
  await db().policySettings.upsert({
    where: { id: 1 },
    create: { id: 1, privateVariantCap: 3 },
    update: { privateVariantCap: 3, minSliceVoters: 20, minModelVotes: 30 },
  });
});

beforeEach(() => signInAs(admin));

describe("publishing or withdrawing a private variant", () => {
  it("publishes the scores of every variant the organization tested, together, append-only", async () => {
    const org = unique("Frontier");
    const [v1, v2, v3] = [
      await addModel({ organization: org, visibility: "PRIVATE_TESTING" }),
      await addModel({ organization: org, visibility: "PRIVATE_TESTING" }),
      await addModel({ organization: org, visibility: "PRIVATE_TESTING" }),
    ];
    const publicSibling = await addModel({ organization: org });
    const anchor = await db().model.findFirstOrThrow({ where: { name: "gpt-4o-2024-05-13" }, select: { id: true } });
    await addVotes(
      [
        [v1.id, anchor.id],
        [v2.id, anchor.id],
        [v3.id, v1.id],
      ],
      60,
    );

    const published = await act(v2.id, { action: "publish" });
    expect(published.status).toBe(200);
    expect(published.body.model).toMatchObject({ visibility: "PUBLIC" });

    const [report] = await listTestedVariantsReports({ organization: org });
    expect(report).toMatchObject({ organization: org, trigger: "published", triggerModel: `Codename ${v2.name}` });
    const rows = new Map(report.rows.map((r) => [r.name, r]));
    expect([...rows.keys()].sort()).toEqual([v1.name, v2.name, v3.name].sort());
    expect(rows.has(publicSibling.name)).toBe(false);
    expect(rows.get(v2.name)).toMatchObject({ visibility: "PUBLIC", votes: 60 });
    expect(rows.get(v1.name)).toMatchObject({ visibility: "PRIVATE_TESTING", votes: 120 });
    for (const r of report.rows) {
      expect(r.rating).toEqual(expect.any(Number));
      expect(r.lower!).toBeLessThanOrEqual(r.rating!);
      expect(r.upper!).toBeGreaterThanOrEqual(r.rating!);
    }

    const withdrawn = await act(v1.id, { action: "withdraw" });
    expect(withdrawn.status).toBe(200);
    const reports = await listTestedVariantsReports({ organization: org });
    expect(reports.map((r) => r.trigger)).toEqual(["withdrawn", "published"]);
    expect(reports[0].rows.find((r) => r.name === v1.name)?.visibility).toBe("WITHDRAWN");
    expect(reports[0].rows.find((r) => r.name === v2.name)?.visibility).toBe("PUBLIC");

    // Reports and roster events cannot be edited or deleted.
    await expect(db().testedVariantsReport.deleteMany({ where: { organization: org } })).rejects.toThrow();
    await expect(db().rosterEvent.deleteMany({ where: { modelId: v1.id } })).rejects.toThrow();

    const kinds = (await listRosterEvents()).filter((e) => e.model.organization === org).map((e) => `${e.model.name}:${e.kind}`);
    expect(kinds).toEqual(expect.arrayContaining([`${v1.name}:withdrawn`, `${v2.name}:published`, `${v1.name}:added`]));
    expect(kinds.indexOf(`${v1.name}:withdrawn`)).toBeLessThan(kinds.indexOf(`${v2.name}:published`));
  });

  it("refuses to publish or withdraw a model that is not in private testing, and a withdrawn one cannot go private again", async () => {
    const pub = await addModel({ organization: unique("Plain") });
    expect((await act(pub.id, { action: "publish" })).body.error.code).toBe("invalid_transition");
    const priv = await addModel({ organization: unique("Gone"), visibility: "PRIVATE_TESTING" });
    expect((await act(priv.id, { action: "withdraw" })).status).toBe(200);
    const again = await callJson(modelRoute.PATCH, { method: "PATCH", params: { id: priv.id }, body: { visibility: "PRIVATE_TESTING" } });
    expect(again.status).toBe(409);
  });
});

describe("no retraction", () => {
  it("offers no delete anywhere in the roster API", () => {
    for (const mod of [modelsRoute, modelRoute, actionsRoute]) expect(Object.keys(mod)).not.toContain("DELETE");
    const dir = path.join(process.cwd(), "app/api/admin/models");
    const sources = fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith("route.ts"));
    for (const f of sources) expect(fs.readFileSync(path.join(dir, String(f)), "utf8")).not.toMatch(/\.delete(Many)?\(/);
  });

  it("never hides a model that has votes", async () => {
    const model = await addModel({ organization: unique("Voted") });
    const anchor = await db().model.findFirstOrThrow({ where: { name: "gpt-4o-2024-05-13" }, select: { id: true } });
    await addVotes([[model.id, anchor.id]], 2);
    const { status, body } = await callJson(modelRoute.PATCH, {
      method: "PATCH",
      params: { id: model.id },
      body: { visibility: "PRIVATE_TESTING" },
    });
    expect(status).toBe(409);
    expect(body.error.message).toContain("has votes");
  });
});

describe("deprecation", () => {
  it("needs a clause and a reason, stops the model for good, and is published with its reason", async () => {
    const model = await addModel({ organization: unique("Old") });
    const missing = await act(model.id, { action: "deprecate", reason: "" });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.error.details).sort()).toEqual(["clause", "reason"]);

    const done = await act(model.id, {
      action: "deprecate",
      clause: "superseded",
      reason: "Replaced by version 2 from the same provider.",
    });
    expect(done.status).toBe(200);
    expect(done.body.model).toMatchObject({
      status: "DEPRECATED",
      deprecationReason: "superseded: Replaced by version 2 from the same provider.",
    });
    expect((await act(model.id, { action: "resume" })).body.error.message).toContain("deprecated model cannot return");
    expect((await act(model.id, { action: "deprecate", clause: "retired", reason: "Second time should fail." })).status).toBe(409);

    const [event] = await listRosterEvents({ modelId: model.id, take: 1 });
    expect(event).toMatchObject({
      kind: "deprecated",
      reason: "Replaced by version 2 from the same provider.",
      details: { clause: "superseded" },
    });
    const [audit] = await listAudit({ entity: "model", entityId: model.id, action: "model.deprecate" });
    expect(audit.after).toMatchObject({ status: "DEPRECATED", clause: "superseded" });
  });

  it("pauses and resumes, refusing repeated transitions", async () => {
    const model = await addModel({ organization: unique("Pause") });
    expect((await act(model.id, { action: "pause" })).body.model.status).toBe("PAUSED");
    expect((await act(model.id, { action: "pause" })).status).toBe(409);
    expect((await act(model.id, { action: "resume" })).body.model.status).toBe("ACTIVE");
    expect((await act("no-such-id", { action: "pause" })).status).toBe(404);
  });
});

describe("editing", () => {
  it("audits before and after, records the key only as set/cleared, and keeps the key encrypted", async () => {
    const model = await addModel({ organization: unique("Edit"), apiKey: "sk-first-secret" });
    const replaced = await callJson(modelRoute.PATCH, {
      method: "PATCH",
      params: { id: model.id },
      body: { apiKey: "sk-second-secret", displayName: "Renamed", samplingWeight: 0.5 },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.model).toMatchObject({ displayName: "Renamed", samplingWeight: 0.5, hasApiKey: true });
    const cleared = await callJson(modelRoute.PATCH, { method: "PATCH", params: { id: model.id }, body: { apiKey: null } });
    expect(cleared.body.model.hasApiKey).toBe(false);
    expect((await db().model.findUniqueOrThrow({ where: { id: model.id } })).apiKeyCiphertext).toBeNull();

    const entries = await listAudit({ entity: "model", entityId: model.id });
    const text = JSON.stringify(entries);
    expect(text).not.toContain("sk-first-secret");
    expect(text).not.toContain("sk-second-secret");
    expect(text).not.toContain("v1.");
    const [clear, replace] = entries;
    expect(clear).toMatchObject({ action: "model.update", before: { apiKey: "set" }, after: { apiKey: "cleared" } });
    expect(replace).toMatchObject({
      before: { displayName: `Codename ${model.name}`, samplingWeight: 1, apiKey: "set" },
      after: { displayName: "Renamed", samplingWeight: 0.5, apiKey: "set" },
    });

    const edited = (await listRosterEvents({ modelId: model.id })).find((e) => e.kind === "edited");
    expect(edited?.details).toMatchObject({ fields: ["displayName"] });
  });

  it("validates provider settings against the provider on edit", async () => {
    const model = await addModel({ organization: unique("Cfg") });
    const bad = await callJson(modelRoute.PATCH, {
      method: "PATCH",
      params: { id: model.id },
      body: { providerConfig: { baseUrl: "not a url", modelId: "m" } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details["providerConfig.baseUrl"]).toContain("URL");
    const renamed = await callJson(modelRoute.PATCH, { method: "PATCH", params: { id: model.id }, body: { name: "x" } });
    expect(renamed.status).toBe(400);
  });
});

describe("roles", () => {
  it("lets admins change roles (audited) but never removes the last admin", async () => {
    await db().user.updateMany({ where: { role: "ADMIN", id: { not: admin.id } }, data: { role: "CONTRIBUTOR" } });
    const user = await createAccount("CONTRIBUTOR");
    const promoted = await callJson(userRoute.PATCH, { method: "PATCH", params: { id: user.id }, body: { role: "CUSTOMER" } });
    expect(promoted.body.user).toMatchObject({ role: "CUSTOMER" });
    const [entry] = await listAudit({ entity: "user", entityId: user.id });
    expect(entry).toMatchObject({
      action: "user.role",
      actorEmail: admin.email,
      before: { role: "CONTRIBUTOR" },
      after: { role: "CUSTOMER" },
    });

    const selfDemote = await callJson(userRoute.PATCH, { method: "PATCH", params: { id: admin.id }, body: { role: "CONTRIBUTOR" } });
    expect(selfDemote.status).toBe(403);
    expect(selfDemote.body.error.message).toContain("last admin");
    expect((await callJson(userRoute.PATCH, { method: "PATCH", params: { id: user.id }, body: { role: "OWNER" } })).status).toBe(400);

    // With a second admin, the first may step down.
    await changeUserRole(user.id, "ADMIN", { id: admin.id, email: admin.email });
    expect((await callJson(userRoute.PATCH, { method: "PATCH", params: { id: admin.id }, body: { role: "CONTRIBUTOR" } })).status).toBe(
      200,
    );
    await changeUserRole(admin.id, "ADMIN", { id: null, email: "command line" });
  });
});

describe("audit filters", () => {
  it("filters by action prefix, actor and date range", async () => {
    // The day of the admin's newest model change (earlier tests made some), not the clock's: a run that
    // crosses midnight would otherwise filter on a day with no entries.
    const newest = (await listAudit({ actor: admin.email, action: "model.", take: 1 }))[0];
    expect(newest).toBeDefined();
    const day = newest.createdAt.toISOString().slice(0, 10);
    const byAdmin = await listAudit({ actor: admin.email.toUpperCase(), action: "model.", from: day, to: day });
    expect(byAdmin.map((e) => e.id)).toContain(newest.id);
    const previousDay = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect((await listAudit({ actor: admin.email, action: "model.", to: previousDay })).map((e) => e.id)).not.toContain(newest.id);
    expect(byAdmin.every((e) => e.action.startsWith("model.") && e.actorEmail === admin.email)).toBe(true);
    expect(await listAudit({ actor: admin.email, to: "2000-01-01" })).toEqual([]);
  });
});

describe("data share", () => {
  it("gives each organization its share of battles and prompts per month", async () => {
    await resetDatabase();
    await seedRoster();
    const models = await db().model.findMany({
      where: { organization: { in: ["OpenAI", "Anthropic", "Mistral AI"] } },
      select: { id: true, organization: true },
    });
    const of = (org: string) => models.find((m) => m.organization === org)!.id;
    const creator = await createAccount("CONTRIBUTOR");
    const [p1, p2] = await db().prompt.findMany({ take: 2, select: { id: true } });
    const jan = new Date("2026-01-10T12:00:00Z");
    const feb = new Date("2026-02-10T12:00:00Z");
    await db().battle.createMany({
      data: [
        { promptId: p1.id, modelAId: of("OpenAI"), modelBId: of("Anthropic"), createdById: creator.id, createdAt: jan, state: "VOTED" },
        { promptId: p2.id, modelAId: of("OpenAI"), modelBId: of("Mistral AI"), createdById: creator.id, createdAt: jan, state: "VOID" },
        { promptId: p1.id, modelAId: of("Anthropic"), modelBId: of("Mistral AI"), createdById: creator.id, createdAt: feb, state: "OPEN" },
      ],
    });
    await db().vote.create({
      data: { voterKey: "demo:1", modelAId: of("OpenAI"), modelBId: of("Anthropic"), outcome: "A", source: "DEMO", createdAt: feb },
    });

    const share = await getDataShare("month");
    expect(share.periods).toEqual(["2026-01-01", "2026-02-01"]);
    expect(share.totals).toMatchObject({ battles: [2, 2], prompts: [2, 1], allBattles: 4, allPrompts: 2 });
    const openai = share.organizations.find((o) => o.organization === "OpenAI")!;
    expect(openai).toMatchObject({
      battles: [2, 1],
      battleShare: [1, 0.5],
      prompts: [2, 0],
      promptShare: [1, 0],
      totalBattles: 3,
      totalBattleShare: 0.75,
      totalPrompts: 2,
      totalPromptShare: 1,
    });
    const mistral = share.organizations.find((o) => o.organization === "Mistral AI")!;
    expect(mistral).toMatchObject({ battles: [1, 1], battleShare: [0.5, 0.5], prompts: [1, 1], promptShare: [0.5, 1], totalPrompts: 2 });
    expect(share.organizations.map((o) => o.organization)).toEqual(["Anthropic", "OpenAI", "Mistral AI"]);
  });
});

describe("seeding", () => {
  it("derives licence kind, release dates stated in names, and one added event per seeded model", async () => {
    expect(releaseDateFromName("gpt-4o-2024-05-13")?.toISOString().slice(0, 10)).toBe("2024-05-13");
    expect(releaseDateFromName("claude-3-5-sonnet-20240620")?.toISOString().slice(0, 10)).toBe("2024-06-20");
    expect(releaseDateFromName("gpt-3.5-turbo-0613")).toBeNull();
    expect(releaseDateFromName("model-2024-02-30")).toBeNull();
    await seedRoster();
    const models = await db().model.findMany({
      where: { provider: "replay" },
      select: { id: true, name: true, licenseKind: true, license: true },
    });
    expect(models.find((m) => m.name === "Mistral-7B-Instruct-v0.2")).toMatchObject({ licenseKind: "OPEN_WEIGHTS", license: "Apache-2.0" });
    expect(models.find((m) => m.name === "gpt-4o-2024-05-13")).toMatchObject({ licenseKind: "PROPRIETARY" });
    const events = await db().rosterEvent.groupBy({
      by: ["modelId"],
      where: { modelId: { in: models.map((m) => m.id) }, kind: "added" },
      _count: true,
    });
    expect(events).toHaveLength(models.length);
    expect(events.every((e) => e._count === 1)).toBe(true);
  });
});
