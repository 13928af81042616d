import fs from "node:fs";
import path from "node:path";
import { expect, test as setup } from "@playwright/test";
import { arenaCli, PASSWORD, signIn, STORAGE_STATE, storedRoleEmail } from "./support/accounts";

/**
 * Signs in once per role and saves the browser state, so specs start signed in (`test.use({ storageState:
 * STORAGE_STATE.admin })`) instead of going through the sign-in form each time. The specs that test the sign-in
 * and sign-up forms still use the forms.
 */
setup.beforeAll(() => fs.mkdirSync(path.dirname(STORAGE_STATE.admin), { recursive: true }));

setup("a contributor with a complete profile", async ({ request }) => {
  await signIn(request, storedRoleEmail("contributor"), { signUp: true });
  const profile = await request.put("/api/profile", { data: { country: "BR", ageBand: "25-34", education: "bachelor", language: "pt" } });
  expect(profile.ok(), await profile.text()).toBe(true);
  await request.storageState({ path: STORAGE_STATE.contributor });
});

setup("a customer", async ({ request }) => {
  const email = storedRoleEmail("customer");
  expect((await request.post("/api/signup", { data: { email, password: PASSWORD } })).status()).toBe(201);
  arenaCli("set-role", "--email", email, "--role", "customer");
  await signIn(request, email);
  expect((await request.get("/api/export?format=csv")).status()).toBe(200);
  await request.storageState({ path: STORAGE_STATE.customer });
});

setup("an admin", async ({ request }) => {
  const email = storedRoleEmail("admin");
  arenaCli("create-admin", "--email", email, "--password", PASSWORD);
  await signIn(request, email);
  expect((await request.get("/api/admin/policy")).status()).toBe(200);
  await request.storageState({ path: STORAGE_STATE.admin });
});
