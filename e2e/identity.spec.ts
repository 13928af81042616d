import { expect, test } from "@playwright/test";
import { PASSWORD, signIn } from "./support/accounts";
import { ContributorSession } from "./pages/arena-page";

const uniqueEmail = (prefix: string) => `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;

test("signing out ends the session on the server: a copied cookie gets 401", async ({ request, playwright, baseURL }) => {
  const email = uniqueEmail("copied-cookie");
  await signIn(request, email, { signUp: true });
  const state = await request.storageState();
  const cookie = state.cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie).toBeDefined();
  // Served over plain HTTP here: httpOnly and SameSite=Lax, not Secure (HTTPS deployments get Secure).
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
  // The session lives about 7 days, not 30.
  const days = (cookie!.expires * 1000 - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(6.9);
  expect(days).toBeLessThanOrEqual(7.01);

  const thief = await playwright.request.newContext({ baseURL, storageState: state });
  expect((await thief.get("/api/profile")).status()).toBe(200);

  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  expect((await request.post("/api/auth/signout", { form: { csrfToken, json: "true" } })).ok()).toBe(true);
  expect((await request.get("/api/profile")).status()).toBe(401);
  // The copied cookie is still well-formed and unexpired, but its session is gone.
  expect((await thief.get("/api/profile")).status()).toBe(401);
  await thief.dispose();
});

test("signing out everywhere ends the sessions of every device", async ({ request, playwright, baseURL }) => {
  const email = uniqueEmail("everywhere");
  await signIn(request, email, { signUp: true });
  const laptop = await playwright.request.newContext({ baseURL });
  await signIn(laptop, email);
  expect((await laptop.get("/api/profile")).status()).toBe(200);
  expect((await request.delete("/api/profile/sessions")).ok()).toBe(true);
  expect((await laptop.get("/api/profile")).status()).toBe(401);
  expect((await request.get("/api/profile")).status()).toBe(401);
  await laptop.dispose();
});

test("30 wrong passwords in a row: 401 until the limit, then 429 with Retry-After, even for the right password", async ({
  request,
  page,
}) => {
  const email = uniqueEmail("guessing");
  expect((await request.post("/api/signup", { data: { email, password: PASSWORD } })).status()).toBe(201);
  const statuses: number[] = [];
  let retryAfter: string | undefined;
  for (let i = 0; i < 30; i++) {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const response = await request.post("/api/auth/callback/credentials", {
      form: { email, password: `guess-${i}`, csrfToken, json: "true" },
    });
    statuses.push(response.status());
    if (response.status() === 429) retryAfter ??= response.headers()["retry-after"];
  }
  // The default policy allows 10 failed sign-ins per account and hour.
  expect(statuses).toEqual([...Array(10).fill(401), ...Array(20).fill(429)]);
  expect(Number(retryAfter)).toBeGreaterThan(0);

  // The sign-in form says why, in words.
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Too many failed sign-ins.")).toBeVisible();
});

test("the profile says when an answer can change again, and refuses a second change beside the field", async ({ page }) => {
  const me = new ContributorSession(page);
  await me.signUp(uniqueEmail("audience"), "a good long password");
  await me.completeProfile({ country: "BR", ageBand: "25-34", education: "bachelor", language: "pt" });
  await page.waitForURL((url) => url.pathname === "/arena"); // not /profile?next=/arena, which /\/arena/ matched before the save finished

  await page.goto("/profile");
  await expect(page.getByText("each answer can change once every 30 days")).toBeVisible();
  await page.getByLabel("Country you live in").selectOption("DE");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Profile saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("next-change-country")).toContainText("You can change this answer again on");
  await expect(page.getByTestId("next-change-language")).toHaveCount(0);

  await page.getByLabel("Country you live in").selectOption("FR");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "You can change this answer again on" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Country you live in")).toHaveValue("DE");
});
