import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "../lib/generated/prisma/enums";
import { callJson, createAccount, signInAs } from "./support/sessions";

vi.mock("next-auth", async (importOriginal) => (await import("./support/sessions")).mockNextAuth(importOriginal));

/**
 * Walks every admin and customer route found on disk (so new routes are covered without editing
 * this file) as an anonymous visitor, a contributor and (for admin routes) a customer, and expects
 * each to refuse: 401/403 from APIs, a sign-in redirect or the "forbidden" view from pages, an
 * unauthorized/forbidden error from server actions. Handlers are called directly with the session
 * of the given account (tests/support/sessions.ts); lib/session.ts reads the role from the database.
 */

const ROOT = process.cwd();
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function walk(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  if (fs.statSync(abs).isFile()) return [dir];
  return fs.readdirSync(abs).flatMap((name) => walk(path.join(dir, name)));
}

type Audience = "admin" | "customer";
interface Route {
  file: string;
  audience: Audience;
}

const API_ROUTES: Route[] = [
  ...walk("app/api/admin")
    .filter((f) => f.endsWith("route.ts"))
    .map((file) => ({ file, audience: "admin" as const })),
  ...[...walk("app/api/export"), ...walk("app/api/snapshots"), ...walk("app/api/tokens")]
    .filter((f) => f.endsWith("route.ts"))
    .map((file) => ({ file, audience: "customer" as const })),
];
const PAGES: Route[] = [
  ...walk("app/admin")
    .filter((f) => /(page|layout)\.tsx$/.test(f))
    .map((file) => ({ file, audience: "admin" as const })),
  ...walk("app/data")
    .filter((f) => /(page|layout)\.tsx$/.test(f))
    .map((file) => ({ file, audience: "customer" as const })),
];
// Server actions in the admin and customer areas ("use server" modules).
const ACTION_FILES: Route[] = [...walk("app/admin"), ...walk("app/data"), ...walk("components/admin"), ...walk("lib/actions")]
  .filter((f) => /\.(ts|tsx)$/.test(f) && /^\s*["']use server["']/.test(fs.readFileSync(path.join(ROOT, f), "utf8")))
  .filter((f) => !f.endsWith("lib/actions/locale.ts")) // the language menu: public on purpose
  .map((file) => ({ file, audience: "admin" as const }));

/** Dynamic segments get a placeholder value: refusal must come before any lookup. */
function paramsOf(file: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [, catchAll, name] of file.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)) params[name] = catchAll ? ["x"] : "not-a-real-id";
  return params;
}

function urlOf(file: string): string {
  return (
    "http://localhost/" +
    file
      .replace(/^app\//, "")
      .replace(/\/(route|page|layout)\.tsx?$/, "")
      .replace(/\[(\.\.\.)?([^\]]+)\]/g, "not-a-real-id")
  );
}

const visitors: { who: string; role: Role | null }[] = [
  { who: "anonymous", role: null },
  { who: "contributor", role: "CONTRIBUTOR" },
  { who: "customer", role: "CUSTOMER" },
];
const accounts = new Map<Role, { id: string }>();

beforeAll(async () => {
  for (const role of ["CONTRIBUTOR", "CUSTOMER"] as const) accounts.set(role, await createAccount(role));
});

function signInAsVisitor(role: Role | null) {
  signInAs(role ? accounts.get(role)! : null);
}

const refusers = (audience: Audience) => visitors.filter((v) => audience === "admin" || v.role !== "CUSTOMER");

it("finds the admin and customer routes on disk", () => {
  expect(API_ROUTES.map((r) => r.file)).toEqual(
    expect.arrayContaining([
      "app/api/admin/models/route.ts",
      "app/api/admin/policy/route.ts",
      "app/api/export/route.ts",
      "app/api/snapshots/route.ts",
    ]),
  );
  expect(PAGES.map((r) => r.file)).toEqual(
    expect.arrayContaining(["app/admin/page.tsx", "app/admin/layout.tsx", "app/admin/models/page.tsx", "app/data/page.tsx"]),
  );
});

describe.each(API_ROUTES)("API $file", ({ file, audience }) => {
  it.each(refusers(audience))("refuses $who for every method", async ({ role }) => {
    const mod = (await import(`../${file}`)) as Record<string, unknown>;
    const methods = HTTP_METHODS.filter((m) => typeof mod[m] === "function");
    expect(methods.length, `${file} exports no handler`).toBeGreaterThan(0);
    signInAsVisitor(role);
    for (const method of methods) {
      const handler = mod[method] as Parameters<typeof callJson>[0];
      const body = method === "GET" || method === "HEAD" ? undefined : {};
      const { status, body: response } = await callJson(handler, { method, body, params: paramsOf(file), url: urlOf(file) });
      const expected = role === null ? 401 : 403;
      const code = (response as { error?: { code?: string } })?.error?.code;
      // A 400 here means the handler validated the body before checking the role: check auth first.
      expect(status, `${method} ${file} as ${role ?? "anonymous"} answered ${status} ${code ?? ""}`).toBe(expected);
    }
  });
});

interface Element {
  type?: unknown;
  props?: Record<string, unknown>;
}

/** True when a page's result is a refusal view (a component named *Forbidden, or an element marked *-forbidden). */
function isForbiddenView(result: unknown): boolean {
  const el = result as Element | null;
  if (!el || typeof el !== "object") return false;
  if (typeof el.type === "function" && /Forbidden$/.test(el.type.name)) return true;
  return typeof el.props?.["data-testid"] === "string" && /forbidden/.test(el.props["data-testid"] as string);
}

describe.each(PAGES)("page $file", ({ file, audience }) => {
  it.each(refusers(audience))("refuses $who", async ({ role }) => {
    const mod = (await import(`../${file}`)) as { default: (props: unknown) => Promise<unknown> };
    signInAsVisitor(role);
    const props = { params: Promise.resolve(paramsOf(file)), searchParams: Promise.resolve({}), children: null };
    let result: unknown;
    let thrown: unknown;
    try {
      result = await mod.default(props);
    } catch (error) {
      thrown = error;
    }
    const digest = String((thrown as { digest?: unknown } | undefined)?.digest ?? "");
    if (role === null) {
      expect(digest, `${file} as anonymous should redirect to sign-in (got ${String(thrown ?? "a page")})`).toMatch(
        /^NEXT_REDIRECT;.*\/signin\?callbackUrl=/,
      );
    } else {
      const isRefused =
        isForbiddenView(result) || /NEXT_HTTP_ERROR_FALLBACK;40[13]/.test(digest) || /^NEXT_REDIRECT;.*\/signin/.test(digest);
      expect(isRefused, `${file} as ${role} should be refused (got ${thrown ? String(thrown) : "a rendered page"})`).toBe(true);
    }
  });
});

describe.each(ACTION_FILES.length ? ACTION_FILES : [{ file: "(none)", audience: "admin" as const }])(
  "server actions in $file",
  ({ file }) => {
    it.each(visitors)("refuse $who", async ({ role }) => {
      if (file === "(none)") return;
      const mod = (await import(`../${file}`)) as Record<string, unknown>;
      signInAsVisitor(role);
      for (const [name, fn] of Object.entries(mod)) {
        if (typeof fn !== "function") continue;
        const error = await (fn as (...args: unknown[]) => Promise<unknown>)(new FormData()).then(
          () => null,
          (e: unknown) => e,
        );
        expect((error as { code?: string } | null)?.code, `${name} in ${file} as ${role ?? "anonymous"}`).toMatch(
          /^(unauthorized|forbidden)$/,
        );
      }
    });
  },
);
