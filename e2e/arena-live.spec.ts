import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ContributorSession } from "./pages/arena-page";
import { namesIn, recordBodies } from "./support/identity-scan";
import { arenaCli as cli, PASSWORD } from "./support/accounts";

// Live models answer through the fake OpenAI-compatible server started by playwright.config.ts;
// its behaviour is picked by the model id: ok-*, fail-*, leaky-* ("As Claude, made by Anthropic").
const FAKE_URL = `http://127.0.0.1:${process.env.FAKE_OPENAI_PORT ?? 3199}`;
const STAMP = Date.now();
const API_KEY = `sk-e2e-${STAMP}-do-not-leak`;

const replayRoster = JSON.parse(fs.readFileSync(path.join(process.cwd(), "data/replay/models.json"), "utf8")).models as {
  name: string;
  displayName: string;
  organization: string;
}[];

test.describe.configure({ mode: "serial" });

let admin: APIRequestContext;
/** Live models other specs left active (their servers do not exist): paused here, resumed after. */
let othersPaused: string[] = [];
const created: { id: string; name: string; displayName: string; organization: string }[] = [];

/** Adds a live model through the admin roster API. */
async function addLiveModel(modelId: string, displayName: string) {
  const response = await admin.post("/api/admin/models", {
    data: {
      name: `e2e-${modelId}-${STAMP}`,
      displayName,
      organization: "Fakelab Research",
      licenseKind: "PROPRIETARY",
      license: "proprietary",
      provider: "openai-compatible",
      providerConfig: { baseUrl: FAKE_URL, modelId, timeoutMs: 5000 },
      apiKey: API_KEY,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { model } = await response.json();
  created.push({ id: model.id, name: `e2e-${modelId}-${STAMP}`, displayName, organization: "Fakelab Research" });
  return model.id as string;
}

async function setStatus(id: string, action: "pause" | "resume") {
  const response = await admin.post(`/api/admin/models/${id}/actions`, { data: { action } });
  expect(response.ok(), await response.text()).toBe(true);
}

test.beforeAll(async ({ playwright, baseURL }) => {
  const email = `arena-admin-${STAMP}@example.com`;
  cli("create-admin", "--email", email, "--password", PASSWORD);
  admin = await playwright.request.newContext({ baseURL });
  const { csrfToken } = await (await admin.get("/api/auth/csrf")).json();
  expect((await admin.post("/api/auth/callback/credentials", { form: { email, password: PASSWORD, csrfToken, json: "true" } })).ok()).toBe(
    true,
  );
  const { models } = await (await admin.get("/api/admin/models")).json();
  othersPaused = (models as { id: string; provider: string; status: string }[])
    .filter((m) => m.provider !== "replay" && m.status === "ACTIVE")
    .map((m) => m.id);
  for (const id of othersPaused) await setStatus(id, "pause");
});

test.afterAll(async () => {
  // The test models are retired (deprecated: off the default leaderboard); later specs expect the replay arena.
  const retire = { action: "deprecate", clause: "retired", reason: "End-to-end test model, retired after the live arena tests." };
  for (const model of created) await admin.post(`/api/admin/models/${model.id}/actions`, { data: retire });
  for (const id of othersPaused) await admin.post(`/api/admin/models/${id}/actions`, { data: { action: "resume" } });
  await admin.dispose();
});

test("a live battle streams both answers together, hides the models until the vote, and takes a keyboard vote", async ({ page }) => {
  const okA = await addLiveModel("ok-alpha", "Fakelab Alpha");
  const okB = await addLiveModel("ok-beta", "Fakelab Beta");
  const me = new ContributorSession(page);
  await me.signUp(`live-${STAMP}@example.com`, "a good long password");
  await me.completeProfile({ country: "DE", ageBand: "35-44", education: "master", language: "de" });
  await page.waitForURL((url) => url.pathname === "/arena"); // not /profile?next=/arena

  const identifying = [...new Set([...replayRoster, ...created].flatMap((m) => [m.name, m.displayName, m.organization]))];
  const recorder = recordBodies(page);
  await me.openPromptForm();
  await expect(page.getByRole("button", { name: "Get a sampled prompt instead" })).toBeVisible();

  // An empty prompt is refused with a clear message, and so is one over the limit (API: 400).
  await page.getByRole("button", { name: "Start battle" }).click();
  await expect(page.getByText("The prompt is empty: type a question or task.")).toBeVisible();
  const tooLong = await page.request.post("/api/battles", { data: { prompt: "x".repeat(4001) } });
  expect(tooLong.status()).toBe(400);
  expect((await tooLong.json()).error.message).toMatch(/at most 4000 characters/);

  await me.startWithPrompt("Explain 1 thing about rainbows,\nin two short points.");
  await expect(page.getByTestId("response-A")).toBeVisible();
  // Both sides appear in the same frame: when A shows text, so does B.
  await page.waitForFunction(() => (document.querySelector('[data-testid="text-A"]')?.textContent ?? "").length > 0);
  expect((await page.getByTestId("text-B").textContent())?.length ?? 0).toBeGreaterThan(0);
  await me.waitForAnswers();
  await expect(page.getByTestId("text-A")).toContainText("A short answer");
  await expect(page.getByTestId("text-B")).toContainText("A short answer");
  // Desktop: the two answers side by side.
  const [boxA, boxB] = [await page.getByTestId("response-A").boundingBox(), await page.getByTestId("response-B").boundingBox()];
  expect(Math.abs(boxA!.y - boxB!.y)).toBeLessThan(2);
  expect(boxB!.x).toBeGreaterThan(boxA!.x + boxA!.width - 1);
  expect(namesIn(await page.content(), identifying)).toEqual([]);

  const bodies = await recorder.stop();
  expect(bodies.some((b) => b.includes("event: delta"))).toBe(true);
  expect(bodies.flatMap((b) => namesIn(b, identifying))).toEqual([]);
  expect(bodies.filter((b) => b.includes(API_KEY))).toEqual([]);

  // A reload of a finished battle shows both texts at once, ready for the vote.
  await page.reload();
  // Rendered as markdown: the "## " heading and "- " list are a heading and list items, not markup.
  await expect(page.getByTestId("text-A").getByRole("listitem")).toHaveText(["first point", "second point"]);
  await expect(page.getByTestId("text-A").getByRole("heading", { name: "A short answer" })).toBeVisible();
  await expect(page.getByTestId("stream-status")).toHaveCount(0);

  const result = await me.vote("A", "keyboard");
  expect([result.a, result.b].sort()).toEqual(["Fakelab Alpha · Fakelab Research", "Fakelab Beta · Fakelab Research"]);
  await expect(page.getByTestId("reveal")).toContainText("Fakelab Research");
  await expect(page.getByTestId("leak-notice")).toHaveCount(0);

  // A sampled prompt may be skipped: the battle is void and a new prompt is drawn.
  await page.getByRole("button", { name: "Next battle" }).click();
  await page.getByRole("button", { name: "Get a sampled prompt instead" }).click();
  const sampled = (await page.getByTestId("prompt").textContent()) ?? "";
  await me.skipPrompt(sampled);
  await me.vote("TIE");

  await page.goto("/history");
  await expect(page.getByTestId("history-total")).toHaveText("You have cast 2 votes.");
  await expect(page.getByTestId("history")).toContainText("Explain 1 thing about rainbows");
  await expect(page.getByTestId("history")).toContainText("Fakelab Alpha");
  // the table's own rows: an answer shown under "Show both answers" may hold a markdown table of its own
  await expect(page.getByTestId("history").locator(":scope > tbody > tr")).toHaveCount(2);
  await page.getByTestId("header-user").click();
  await expect(page).toHaveURL(/\/history$/);

  await setStatus(okB, "pause");
  void okA;
});

test("a provider failure voids the battle, shown plainly, with a way to start a new one", async ({ page }) => {
  await addLiveModel("fail-gamma", "Fakelab Gamma");
  const me = new ContributorSession(page);
  await me.signUp(`void-${STAMP}@example.com`, "a good long password");
  await me.completeProfile({ country: "IN", ageBand: "18-24", education: "bachelor", language: "hi" });
  await page.waitForURL((url) => url.pathname === "/arena"); // not /profile?next=/arena
  await me.openPromptForm();
  await me.startWithPrompt("What is the capital of France?");
  await expect(page.getByTestId("void-notice")).toContainText("one of the models could not answer");
  await expect(page.getByRole("button", { name: "A is better" })).toHaveCount(0);
  const battleId = await page.locator("[data-battle-id]").getAttribute("data-battle-id");
  const vote = await page.request.post(`/api/battles/${battleId}/vote`, { data: { outcome: "A" } });
  expect(vote.status()).toBe(409);
  expect(await vote.text()).not.toContain(API_KEY);
  await page.getByRole("button", { name: "New battle" }).click();
  await expect(page.getByLabel("Your prompt")).toBeVisible();
  await setStatus(created.find((m) => m.displayName === "Fakelab Gamma")!.id, "pause");
});

test("a response that names a roster model is flagged: the vote is accepted but not counted", async ({ page }) => {
  await addLiveModel("leaky-delta", "Fakelab Delta");
  await page.setViewportSize({ width: 390, height: 844 }); // a phone
  const me = new ContributorSession(page);
  await me.signUp(`leak-${STAMP}@example.com`, "a good long password");
  await me.completeProfile({ country: "FR", ageBand: "45-54", education: "secondary", language: "fr" });
  await page.waitForURL((url) => url.pathname === "/arena"); // not /profile?next=/arena
  await me.openPromptForm();
  await me.startWithPrompt("Who made you?");
  await me.waitForAnswers();
  await expect(
    page.getByTestId("response-A").or(page.getByTestId("response-B")).filter({ hasText: "As Claude, made by Anthropic" }),
  ).toHaveCount(1);
  // Phone: the answers are stacked, A above B, each using the full width.
  const [boxA, boxB] = [await page.getByTestId("response-A").boundingBox(), await page.getByTestId("response-B").boundingBox()];
  expect(boxB!.y).toBeGreaterThanOrEqual(boxA!.y + boxA!.height);
  expect(boxA!.width).toBeGreaterThan(300);
  await me.vote("B");
  await expect(page.getByTestId("leak-notice")).toContainText("left out of the leaderboard");
  await page.goto("/history");
  await expect(page.getByTestId("history")).toContainText("Not counted: a response named a model");
});

test("a contributor over the hourly battle limit gets a clear message with the retry time", async ({ page }) => {
  const before = (await (await admin.get("/api/admin/policy")).json()).policy;
  try {
    const me = new ContributorSession(page);
    await me.signUp(`limited-${STAMP}@example.com`, "a good long password");
    await me.completeProfile({ country: "BR", ageBand: "25-34", education: "bachelor", language: "pt" });
    await page.waitForURL((url) => url.pathname === "/arena"); // not /profile?next=/arena
    expect((await admin.put("/api/admin/policy", { data: { ...before, battlesPerHourPerUser: 1 } })).ok()).toBe(true);
    await me.openPromptForm();
    await me.startWithPrompt("First prompt of the hour");
    await me.vote("A");
    await page.getByRole("button", { name: "Next battle" }).click();
    await me.startWithPrompt("Second prompt of the hour");
    await expect(page.getByTestId("arena-start-error")).toContainText(
      /You have started many battles in the last hour\. Please try again in \d+ minutes?\./,
    );
    const api = await page.request.post("/api/battles", { data: { prompt: "Third" } });
    expect(api.status()).toBe(429);
    expect(Number(api.headers()["retry-after"])).toBeGreaterThan(0);
  } finally {
    expect((await admin.put("/api/admin/policy", { data: before })).ok()).toBe(true);
  }
});
