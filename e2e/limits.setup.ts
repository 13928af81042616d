import { expect, test as setup } from "@playwright/test";
import { signInNewAdmin } from "./support/accounts";

/**
 * Every spec signs up from 127.0.0.1, more than the default sign-up limit per address allows in
 * an hour. The browser tests raise that limit through the data policy, as an operator would (the
 * limit itself is tested in tests/sign-up-and-verification.test.ts and e2e/identity.spec.ts).
 */
setup("raise the sign-up limit per address for the browser tests", async ({ request }) => {
  await signInNewAdmin(request, "limits-admin");
  const { policy } = await (await request.get("/api/admin/policy")).json();
  const saved = await request.put("/api/admin/policy", { data: { ...policy, signupsPerHourPerIp: 100_000 } });
  expect(saved.ok()).toBe(true);
});
