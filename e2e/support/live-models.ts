import type { APIRequestContext, TestType } from "@playwright/test";
import { expect } from "@playwright/test";
import { signInNewAdmin } from "./accounts";

// Live models answer through the fake OpenAI-compatible server started by playwright.config.ts
// (tests/support/fake-openai.ts): a prompt starting with ECHO_MARKER is answered with its rest.
export const FAKE_URL = `http://127.0.0.1:${process.env.FAKE_OPENAI_PORT ?? 3199}`;
export { ECHO_MARKER } from "../../tests/support/fake-openai";

/**
 * For one spec: adds two fake live models (so typed prompts are possible) before its tests, with
 * every other live model paused, and afterwards retires them and resumes the others, so later
 * specs find the roster as they expect it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function withTwoLiveModels(test: TestType<any, any>, label: string) {
  let admin: APIRequestContext;
  let othersPaused: string[] = [];
  const created: string[] = [];
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const act = async (id: string, data: object) => expect((await admin.post(`/api/admin/models/${id}/actions`, { data })).ok()).toBe(true);

  test.beforeAll(async ({ playwright }, testInfo) => {
    admin = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
    await signInNewAdmin(admin, `${label}-admin`);
    const { models } = (await (await admin.get("/api/admin/models")).json()) as {
      models: { id: string; provider: string; status: string }[];
    };
    othersPaused = models.filter((m) => m.provider !== "replay" && m.status === "ACTIVE").map((m) => m.id);
    for (const id of othersPaused) await act(id, { action: "pause" });
    for (const side of ["one", "two"]) {
      const response = await admin.post("/api/admin/models", {
        data: {
          name: `e2e-${label}-${side}-${stamp}`,
          displayName: `Echolab ${side}`,
          organization: "Echolab",
          licenseKind: "PROPRIETARY",
          license: "proprietary",
          provider: "openai-compatible",
          providerConfig: { baseUrl: FAKE_URL, modelId: `ok-${side}`, timeoutMs: 5000 },
          apiKey: "sk-e2e-echo",
        },
      });
      expect(response.status(), await response.text()).toBe(201);
      created.push((await response.json()).model.id);
    }
  });

  test.afterAll(async () => {
    for (const id of created)
      await act(id, { action: "deprecate", clause: "retired", reason: "End-to-end test model, retired after its spec." });
    for (const id of othersPaused) await act(id, { action: "resume" });
    await admin.dispose();
  });
}
