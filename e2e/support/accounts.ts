import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, type APIRequestContext } from "@playwright/test";

/** The password of every account the browser tests create. */
export const PASSWORD = "password123";

/** Runs `npm run arena -- …` against the embedded database the test server runs on. */
export function arenaCli(...args: string[]): string {
  return execFileSync(process.execPath, [path.join(process.cwd(), "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/arena.ts", ...args], {
    cwd: process.cwd(),
    env: { ...process.env, SHOWDOWN_DATA_DIR: process.env.E2E_DATA_DIR, SHOWDOWN_DB_PORT: process.env.E2E_DB_PORT },
    encoding: "utf8",
    timeout: 120_000,
  });
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
  const { models } = (await (await admin.get("/api/admin/models")).json()) as { models: { id: string; status: string; providerConfig?: { baseUrl?: string } }[] };
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
