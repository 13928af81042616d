import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import * as compareRoute from "../app/api/compare/route";
import * as exportRoute from "../app/api/export/route";
import * as healthRoute from "../app/api/health/route";
import * as leaderboardRoute from "../app/api/leaderboard/route";
import * as openapiRoute from "../app/api/openapi.json/route";
import * as snapshotRoute from "../app/api/snapshots/[id]/route";
import * as snapshotsRoute from "../app/api/snapshots/route";
import * as tokensRoute from "../app/api/tokens/route";
import { apiTokenListSchema, createdApiTokenSchema } from "../lib/api-tokens/schemas";
import { importBattlesFile } from "../lib/import";
import { buildOpenApiDocument } from "../lib/openapi/document";
import {
  comparisonResponseSchema,
  errorResponseSchema,
  exportRecordSchema,
  healthResponseSchema,
  leaderboardResponseSchema,
  snapshotListResponseSchema,
  snapshotResponseSchema,
} from "../lib/openapi/responses";
import { DEFAULT_POLICY } from "../lib/policy";
import { CLI_ACTOR } from "../lib/queries/audit";
import { updatePolicy } from "../lib/queries/policy";
import { publishSnapshot } from "../lib/queries/snapshots";
import { resetDatabase } from "./support/database";
import { createAccount, signInAs } from "./support/sessions";

vi.mock("next-auth", async (importOriginal) => (await import("./support/sessions")).mockNextAuth(importOriginal));

const ROOT = path.resolve(import.meta.dirname, "..");
type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;

async function get(handler: Handler, url: string, params: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const response = await handler(new Request(`http://localhost${url}`), { params: Promise.resolve(params) });
  return { status: response.status, text: await response.text() };
}

/** Parses with the schema and fails with zod's own explanation (which field drifted). */
function expectParses(schema: z.ZodType, value: unknown): void {
  const parsed = schema.safeParse(value);
  expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 5))).toBe(true);
}

const doc = buildOpenApiDocument() as {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
};

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with the data API's paths and a bearer scheme", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/leaderboard", "/api/compare", "/api/export", "/api/snapshots", "/api/snapshots/{id}", "/api/health"]),
    );
    expect(JSON.stringify(doc)).toContain('"bearerToken":{"type":"http","scheme":"bearer"');
    const board = doc.paths["/api/leaderboard"]!.get as { parameters: { name: string }[] };
    expect(board.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(["country", "region", "age", "education", "language", "from", "to", "interval", "style"]),
    );
  });

  it("documents only paths and methods that exist as route files", async () => {
    for (const [route, operations] of Object.entries(doc.paths)) {
      const file = path.join("app", route.replace(/^\//, "").replace(/\{([^}]+)\}/g, "[$1]"), "route.ts");
      expect(fs.existsSync(path.join(ROOT, file)), `${route} -> ${file}`).toBe(true);
      const mod = (await import(`../${file}`)) as Record<string, unknown>;
      for (const method of Object.keys(operations))
        expect(typeof mod[method.toUpperCase()], `${method.toUpperCase()} ${route}`).toBe("function");
    }
  });

  it("has every $ref resolvable", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(5);
    for (const id of refs) expect(doc.components.schemas[id], id).toBeDefined();
  });

  it("is served at GET /api/openapi.json", async () => {
    const { status, text } = await get(openapiRoute.GET, "/api/openapi.json");
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});

describe("real responses parse with the documented schemas", () => {
  beforeAll(async () => {
    await resetDatabase();
    await updatePolicy(DEFAULT_POLICY, CLI_ACTOR);
    // Old votes (released to exports) from 60 judges between four models, so boards have rated rows.
    const models = ["doc-model-a", "doc-model-b", "doc-model-c", "doc-model-d"];
    const start = Date.UTC(2024, 0, 15) / 1000;
    const lines: string[] = [];
    for (let i = 0; i < 600; i += 1) {
      const a = models[i % 4]!;
      const b = models[(i + 1 + (i % 3)) % 4]!;
      if (a === b) continue;
      const winner = ["model_a", "model_b", "tie", "model_a"][(i * 7) % 4];
      lines.push(
        JSON.stringify({ model_a: a, model_b: b, winner, judge: `doc-judge-${i % 60}`, tstamp: start + i, language: i % 2 ? "pt" : "de" }),
      );
    }
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "showdown-openapi-")), "votes.jsonl");
    fs.writeFileSync(file, lines.join("\n"));
    await importBattlesFile(file);
    await publishSnapshot({ trigger: "cli", actor: CLI_ACTOR });
    signInAs(await createAccount("CUSTOMER"));
  });

  it("leaderboard (a rated board and a filtered one)", async () => {
    const all = await get(leaderboardRoute.GET, "/api/leaderboard");
    expect(all.status).toBe(200);
    const board = JSON.parse(all.text);
    expect(board.rows.some((r: { rating: number | null }) => r.rating !== null)).toBe(true);
    expectParses(leaderboardResponseSchema, board);
    expectParses(
      leaderboardResponseSchema,
      JSON.parse((await get(leaderboardRoute.GET, "/api/leaderboard?language=pt&style=control&interval=vote-bootstrap")).text),
    );
  });

  it("compare", async () => {
    const r = await get(compareRoute.GET, "/api/compare?a.language=pt&b.language=de");
    expect(r.status).toBe(200);
    expectParses(comparisonResponseSchema, JSON.parse(r.text));
  });

  it("snapshots: list and one", async () => {
    const list = JSON.parse((await get(snapshotsRoute.GET, "/api/snapshots")).text);
    expectParses(snapshotListResponseSchema, list);
    const id = list.snapshots[0].id as string;
    const one = await get(snapshotRoute.GET, `/api/snapshots/${id}`, { id });
    expect(one.status).toBe(200);
    expectParses(snapshotResponseSchema, JSON.parse(one.text));
  });

  it("export (JSON lines)", async () => {
    const r = await get(exportRoute.GET, "/api/export?format=jsonl");
    const records = r.text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(records.length).toBeGreaterThan(100);
    for (const record of records) expectParses(exportRecordSchema, record);
  });

  it("health, tokens and errors", async () => {
    const health = await healthRoute.GET();
    expectParses(healthResponseSchema, await health.json());
    const created = await tokensRoute.POST(
      new Request("http://localhost/api/tokens", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "doc" }),
      }),
    );
    expectParses(createdApiTokenSchema, await created.json());
    expectParses(apiTokenListSchema, JSON.parse((await get(tokensRoute.GET, "/api/tokens")).text));
    const bad = await get(leaderboardRoute.GET, "/api/leaderboard?region=atlantis");
    expect(bad.status).toBe(400);
    expectParses(errorResponseSchema, JSON.parse(bad.text));
  });
});
