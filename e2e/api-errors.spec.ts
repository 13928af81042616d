import { expect, test, type APIRequestContext } from "@playwright/test";

/** Signs up and signs in through next-auth's credentials endpoint; the context keeps the cookie. */
async function signedIn(request: APIRequestContext, email: string) {
  expect((await request.post("/api/signup", { data: { email, password: "password123" } })).status()).toBe(201);
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const login = await request.post("/api/auth/callback/credentials", { form: { email, password: "password123", csrfToken, json: "true" } });
  expect(login.ok()).toBe(true);
}

test("bad input gets a 4xx with a message that says what was wrong", async ({ request }) => {
  const badEmail = await request.post("/api/signup", { data: { email: "nope", password: "password123" } });
  expect(badEmail.status()).toBe(400);
  expect((await badEmail.json()).error.message).toContain("valid email");

  const notJson = await request.post("/api/signup", { data: Buffer.from("{oops"), headers: { "content-type": "application/json" } });
  expect(notJson.status()).toBe(400);
  expect((await notJson.json()).error.message).toContain("valid JSON");

  const filter = await request.get("/api/leaderboard?country=ZZ&age=12-17");
  expect(filter.status()).toBe(400);
  const body = await filter.json();
  expect(body.error.code).toBe("invalid_filter");
  expect(body.error.message).toContain("country=ZZ");
  expect(body.error.message).toContain("age=12-17");

  const anonymousVote = await request.post("/api/battles/whatever/vote", { data: { outcome: "A" } });
  expect(anonymousVote.status()).toBe(401);
});

test("a duplicate account, a bad profile and a bad or repeated vote are refused", async ({ request }) => {
  const email = `api-${Date.now()}@example.com`;
  await signedIn(request, email);

  const duplicate = await request.post("/api/signup", { data: { email, password: "password123" } });
  expect(duplicate.status()).toBe(409);
  expect((await duplicate.json()).error.message).toContain("already exists");

  const badProfile = await request.put("/api/profile", { data: { country: "Narnia", ageBand: "25-34", education: "bachelor" } });
  expect(badProfile.status()).toBe(400);
  const details = (await badProfile.json()).error.details;
  expect(details.country).toContain("not a known country");
  expect(details.language).toContain("main language");
  expect((await (await request.get("/api/profile")).json()).isComplete).toBe(false);

  const profile = await request.put("/api/profile", {
    data: { country: "undisclosed", ageBand: "65+", education: "doctorate", language: "fr" },
  });
  expect(profile.status()).toBe(200);
  expect((await profile.json()).profile).toEqual({ country: null, ageBand: "65+", education: "doctorate", language: "fr" });

  // A sampled corpus prompt comes back finished at once (replay models answer from disk).
  const created = await request.post("/api/battles", { data: {} });
  expect(created.status()).toBe(201);
  const battleId = (await created.json()).battle.id as string;
  expect(battleId).toBeTruthy();

  const badOutcome = await request.post(`/api/battles/${battleId}/vote`, { data: { outcome: "C" } });
  expect(badOutcome.status()).toBe(400);
  expect((await badOutcome.json()).error.message).toContain("outcome");

  const vote = await request.post(`/api/battles/${battleId}/vote`, { data: { outcome: "BOTH_BAD" } });
  expect(vote.status()).toBe(201);
  const reveal = await vote.json();
  expect(reveal.modelA.displayName).toBeTruthy();
  expect(reveal.modelB.displayName).not.toBe(reveal.modelA.displayName);

  const again = await request.post(`/api/battles/${battleId}/vote`, { data: { outcome: "A" } });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.code).toBe("vote_already_cast");

  const foreign = await request.post(`/api/battles/not-a-battle/vote`, { data: { outcome: "A" } });
  expect(foreign.status()).toBe(404);
});

test("signed-out visitors are sent to sign in, and new contributors to their profile first", async ({ page }) => {
  await page.goto("/arena");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Farena/);
  await page.goto("/signup");
  await page.getByLabel("Email").fill(`redirect-${Date.now()}@example.com`);
  await page.getByLabel(/Password/).fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 8 characters")).toBeVisible();
  await page.getByLabel(/Password/).fill("long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/profile/);
  await page.goto("/arena");
  await expect(page).toHaveURL(/\/profile\?next=\/arena/);
  await page.getByRole("button", { name: /Save/ }).click();
  await expect(page.getByText('Choose your country or "Prefer not to say".')).toBeVisible();
});

test("a wrong password is refused with a plain message", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
});
