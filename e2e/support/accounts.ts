import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type BrowserContext } from "@playwright/test";

/** The password of every account the browser tests create. */
export const PASSWORD = "password123";

/** The roles the browser tests sign in as once (e2e/auth.setup.ts); a spec takes one with `test.use({ storageState })`. */
export type E2ERole = "contributor" | "customer" | "admin";

/**
 * Where e2e/auth.setup.ts saves each role's signed-in browser state (cookies): a contributor whose profile is
 * complete, a customer and an admin. Git-ignored; made anew at every run.
 */
export const STORAGE_STATE: Record<E2ERole, string> = {
  contributor: "e2e/.auth/contributor.json",
  customer: "e2e/.auth/customer.json",
  admin: "e2e/.auth/admin.json",
};

/**
 * Signs a browser context in as a stored role (its saved cookies), for a spec that switches role part-way; a spec
 * that runs as one role throughout uses `test.use({ storageState: STORAGE_STATE.<role> })` instead.
 */
export async function useStoredRole(context: BrowserContext, role: E2ERole): Promise<void> {
  const { cookies } = JSON.parse(fs.readFileSync(STORAGE_STATE[role], "utf8")) as { cookies: Parameters<BrowserContext["addCookies"]>[0] };
  await context.addCookies(cookies);
}

/** The email each stored role signed in with (for specs that look for it, e.g. in the audit log). */
export function storedRoleEmail(role: E2ERole): string {
  return `e2e-${role}-${process.env.E2E_PORT}@example.com`;
}

/** Runs `npm run arena -- …` against the embedded database the test server runs on. */
export function arenaCli(...args: string[]): string {
  return execFileSync(
    process.execPath,
    [path.join(process.cwd(), "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/arena.ts", ...args],
    {
      cwd: process.cwd(),
      env: { ...process.env, SHOWDOWN_DATA_DIR: process.env.E2E_DATA_DIR, SHOWDOWN_DB_PORT: process.env.E2E_DB_PORT },
      encoding: "utf8",
      timeout: 120_000,
    },
  );
}

/** Signs in through next-auth's credentials endpoint (signing up first when asked). */
export async function signIn(request: APIRequestContext, email: string, options: { signUp: boolean } = { signUp: false }) {
  if (options.signUp) expect((await request.post("/api/signup", { data: { email, password: PASSWORD } })).status()).toBe(201);
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const login = await request.post("/api/auth/callback/credentials", { form: { email, password: PASSWORD, csrfToken, json: "true" } });
  expect(login.ok()).toBe(true);
}

/** Creates a new admin through the CLI and signs this request context in as them. */
export async function signInNewAdmin(request: APIRequestContext, prefix: string): Promise<string> {
  const email = `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
  arenaCli("create-admin", "--email", email, "--password", PASSWORD);
  await signIn(request, email);
  return email;
}

/**
 * Pauses the ACTIVE models whose provider points at an address no server listens on (the roster
 * specs add some), so that later specs never draw them into a typed-prompt battle.
 */
export async function pauseUnreachableModels(admin: APIRequestContext, baseUrl: string) {
  const { models } = (await (await admin.get("/api/admin/models")).json()) as {
    models: { id: string; status: string; providerConfig?: { baseUrl?: string } }[];
  };
  for (const m of models.filter((x) => x.status === "ACTIVE" && x.providerConfig?.baseUrl === baseUrl)) {
    expect((await admin.post(`/api/admin/models/${m.id}/actions`, { data: { action: "pause" } })).ok()).toBe(true);
  }
}

/** After a spec that left models pointing at `baseUrl` active: a new admin pauses them. */
export function pauseUnreachableModelsAfterAll(test: typeof import("@playwright/test").test, baseUrl: string) {
  test.afterAll(async ({ playwright }, testInfo) => {
    const admin = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
    await signInNewAdmin(admin, "cleanup-admin");
    await pauseUnreachableModels(admin, baseUrl);
    await admin.dispose();
  });
}
