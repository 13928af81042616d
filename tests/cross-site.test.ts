import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as voteRoute from "../app/api/battles/[id]/vote/route";
import { db } from "../lib/db";
import { createBattle } from "../lib/queries/battles";
import type { Role } from "../lib/generated/prisma/enums";
import { createContributor } from "./support/database";
import { createAccount, signInAs } from "./support/sessions";
import { pauseLiveModels } from "./support/arena";

vi.mock("next-auth", async (importOriginal) => (await import("./support/sessions")).mockNextAuth(importOriginal));

/**
 * Cross-site request forgery, as a page on https://evil.example would try it with a visitor's
 * cookie: a form or a `text/plain` fetch (no CORS preflight) to every state-changing route handler
 * found on disk (so a new route cannot escape), as a contributor and as an admin. Each must refuse
 * with 403 or 415 and never answer 2xx. Handlers are called directly with the visitor's session
 * (tests/support/sessions.ts), as tests/authorization.test.ts does.
 */

const ROOT = process.cwd();
const UNSAFE = ["POST", "PUT", "PATCH", "DELETE"] as const;

function walk(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  if (fs.statSync(abs).isFile()) return [dir];
  return fs.readdirSync(abs).flatMap((name) => walk(path.join(dir, name)));
}

const ROUTES = walk("app/api").filter((f) => f.endsWith("route.ts"));

function paramsOf(file: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [, catchAll, name] of file.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)) params[name!] = catchAll ? ["signout"] : "not-a-real-id";
  return params;
}

function urlOf(file: string): string {
  return (
    "http://localhost/" +
    file
      .replace(/^app\//, "")
      .replace(/\/route\.ts$/, "")
      .replace(/\[\.\.\.[^\]]+\]/g, "signout")
      .replace(/\[[^\]]+\]/g, "not-a-real-id")
  );
}

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

async function send(handler: Handler, file: string, method: string, headers: Record<string, string>, body: string) {
  const request = new Request(urlOf(file), { method, headers: { host: "localhost", ...headers }, body });
  const response = await handler(request, { params: Promise.resolve(paramsOf(file)) });
  const text = await response.text();
  return { status: response.status, text };
}

/** What a cross-site page can send without a preflight: a simple content type, and the browser's own labels. */
const ATTACKS: { name: string; headers: Record<string, string> }[] = [
  {
    name: "text/plain from a cross-site page",
    headers: { "content-type": "text/plain", origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  },
  {
    name: "a form post from a cross-site page",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  },
  { name: "text/plain from an older browser (Origin only)", headers: { "content-type": "text/plain", origin: "https://evil.example" } },
  {
    name: "text/plain from a sibling subdomain",
    headers: { "content-type": "text/plain", origin: "https://user-content.localhost", "sec-fetch-site": "same-site" },
  },
  { name: "text/plain from an opaque origin", headers: { "content-type": "text/plain", origin: "null" } },
  {
    name: "text/plain sent same-origin",
    headers: { "content-type": "text/plain", origin: "http://localhost", "sec-fetch-site": "same-origin" },
  },
];

const accounts = new Map<Role, { id: string }>();
beforeAll(async () => {
  for (const role of ["CONTRIBUTOR", "ADMIN"] as const) accounts.set(role, await createAccount(role));
});

it("finds the state-changing routes on disk", () => {
  expect(ROUTES).toEqual(
    expect.arrayContaining([
      "app/api/battles/[id]/vote/route.ts",
      "app/api/signup/route.ts",
      "app/api/admin/policy/route.ts",
      "app/api/auth/[...nextauth]/route.ts",
    ]),
  );
});

describe.each(ROUTES)("%s", (file) => {
  it.each(["CONTRIBUTOR", "ADMIN"] as const)("refuses every cross-site or non-JSON state change as a signed-in %s", async (role) => {
    const mod = (await import(`../${file}`)) as Record<string, unknown>;
    const methods = UNSAFE.filter((m) => typeof mod[m] === "function");
    signInAs(accounts.get(role)!);
    for (const method of methods) {
      // next-auth's own forms are url-encoded by design (its CSRF token guards them); only cross-site applies.
      const attacks = file.includes("[...nextauth]") ? ATTACKS.filter((a) => a.headers["sec-fetch-site"] !== "same-origin") : ATTACKS;
      for (const attack of attacks) {
        const { status, text } = await send(
          mod[method] as Handler,
          file,
          method,
          attack.headers,
          '{"outcome":"A","email":"x@example.com","password":"password123"}',
        );
        expect([403, 415], `${method} ${file} as ${role}, ${attack.name}: ${status} ${text.slice(0, 200)}`).toContain(status);
        if (attack.headers["sec-fetch-site"] !== "same-origin") expect(JSON.parse(text).error.code).toBe("cross_site");
      }
    }
  });
});

describe("the vote from the report (a vote got 201 from https://evil.example)", () => {
  it("is refused cross-site and recorded nothing, while the same vote from a script or the app's own page counts", async () => {
    await pauseLiveModels();
    const user = await createContributor();
    signInAs(user);
    const battle = await createBattle(user.id);
    const file = "app/api/battles/[id]/vote/route.ts";
    const context = { params: Promise.resolve({ id: battle.id }) };
    const vote = (headers: Record<string, string>) =>
      voteRoute.POST(
        new Request(`http://localhost/api/battles/${battle.id}/vote`, {
          method: "POST",
          headers: { host: "localhost", ...headers },
          body: '{"outcome":"A"}',
        }),
        context,
      );

    const forged = await vote({ "content-type": "text/plain", origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    expect(forged.status).toBe(403);
    expect((await forged.json()).error.message).toContain("cross-site");
    const forgedJson = await vote({ "content-type": "application/json", origin: "https://evil.example" });
    expect(forgedJson.status).toBe(403);
    const plain = await vote({ "content-type": "text/plain", origin: "http://localhost", "sec-fetch-site": "same-origin" });
    expect(plain.status).toBe(415);
    expect(await db().vote.count({ where: { battleId: battle.id } })).toBe(0);

    // A script or the CLI sends neither Origin nor Sec-Fetch-Site: allowed, as is the app's own page.
    const script = await vote({ "content-type": "application/json" });
    expect(script.status, file).toBe(201);
    const again = await vote({
      "content-type": "application/json; charset=utf-8",
      origin: "http://localhost",
      "sec-fetch-site": "same-origin",
    });
    expect(again.status).toBe(200);
    expect(await db().vote.count({ where: { battleId: battle.id } })).toBe(1);
  });
});
