import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { parseCsv } from "../tests/support/parse-csv";
import { arenaCli as arena, signIn, storedRoleEmail, useStoredRole } from "./support/accounts";

const DAY = 86_400_000;

/** The admin's pages, used the way an admin uses them. */
class AdminConsole {
  constructor(readonly page: Page) {}

  /** Opens `path` as the run's stored admin (e2e/auth.setup.ts). */
  async open(path: string) {
    await useStoredRole(this.page.context(), "admin");
    await this.page.goto(path);
  }

  async setHoldoutDays(days: number) {
    await this.page.goto("/admin/policy");
    await this.page.getByLabel("Holdout (days)").fill(String(days));
    await this.page.getByRole("button", { name: "Save policy" }).click();
    await expect(this.page.getByRole("status")).toHaveText(/Policy saved/);
    await expect(this.page.getByTestId("policy-summary")).toContainText(`holdout ${days} days`);
  }

  /** The newest audit entry of an entity, read from the audit log page's filter. */
  async latestAuditEntry(entityLabel: string) {
    await this.page.goto("/admin/audit");
    await this.page.getByRole("navigation", { name: "Filter by entity" }).getByRole("link", { name: entityLabel }).click();
    await this.page.waitForURL(/entity=/);
    return this.page.getByTestId("audit-log").locator("tbody tr").first();
  }

  async publishSnapshot(): Promise<string> {
    await this.page.goto("/admin/snapshots");
    await this.page.getByRole("button", { name: "Publish snapshot now" }).click();
    const status = this.page.getByRole("status");
    await expect(status).toHaveText(/Published snapshot \S+/, { timeout: 30_000 });
    return /Published snapshot (\S+)/.exec((await status.textContent()) ?? "")![1];
  }

  /** Clicks a download link on the admin overview and returns the file's name and text. */
  async download(linkName: string): Promise<{ name: string; text: string }> {
    await this.page.goto("/admin");
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      this.page.getByRole("link", { name: linkName, exact: true }).click(),
    ]);
    return { name: download.suggestedFilename(), text: fs.readFileSync((await download.path())!, "utf8") };
  }
}

const PROTECTED: { method: "get" | "put" | "post"; url: string; data?: unknown }[] = [
  { method: "get", url: "/api/export" },
  { method: "get", url: "/api/export?format=csv" },
  { method: "get", url: "/api/snapshots" },
  { method: "get", url: "/api/snapshots/any-id" },
  { method: "get", url: "/api/admin/policy" },
  {
    method: "put",
    url: "/api/admin/policy",
    data: {
      holdoutDays: 1,
      minSliceVoters: 1,
      minModelVotes: 1,
      bootstrapRounds: 10,
      bootstrapSeed: 1,
      privateVariantCap: 3,
      battlesPerHourPerUser: 60,
      votesPerHourPerUser: 60,
      battlesPerHourPerIp: 600,
      votesPerHourPerIp: 600,
      samplingTargetVotes: 300,
      samplingMaxBoost: 3,
    },
  },
  { method: "get", url: "/api/admin/contributors" },
  { method: "post", url: "/api/admin/contributors/any-id/exclude", data: { note: "not allowed" } },
  { method: "post", url: "/api/admin/snapshots" },
];

test("exports, snapshots and admin endpoints refuse anonymous visitors (401) and contributors (403)", async ({ request, page }) => {
  for (const e of PROTECTED) {
    const response = await request[e.method](e.url, e.data ? { data: e.data } : {});
    expect(response.status(), `anonymous ${e.method} ${e.url}`).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized");
  }
  await signIn(request, `contributor-${Date.now()}@example.com`, { signUp: true });
  for (const e of PROTECTED) {
    const response = await request[e.method](e.url, e.data ? { data: e.data } : {});
    expect(response.status(), `contributor ${e.method} ${e.url}`).toBe(403);
    expect((await response.json()).error.code).toBe("forbidden");
  }
  // Nothing changed: the policy PUT above was refused.
  expect(await (await request.get("/admin/policy")).text()).toContain("403: admins only");

  await page.goto("/admin/policy");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin/);
});

test("an admin shortens the holdout, sees it in the audit log, and exports never contain newer votes", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  // Non-demo votes at known ages (demo votes are never exported, whatever their age).
  const ages = { old: 90, middle: 45, recent: 10, fresh: 0.01 };
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "showdown-e2e-")), "battles.jsonl");
  const tstamp = (days: number) => Math.round((stamp - days * DAY) / 1000);
  fs.writeFileSync(
    file,
    Object.entries(ages)
      .map(([label, days]) =>
        JSON.stringify({
          model_a: "gpt-4o-2024-05-13",
          model_b: "gpt-4o-mini-2024-07-18",
          winner: "model_a",
          judge: `e2e-judge-${label}`,
          tstamp: tstamp(days),
          country: "PT",
          language: "pt",
          age: "35-44",
          education: "master",
        }),
      )
      .join("\n") + "\n",
  );
  expect(arena("import", file)).toContain("4 votes added");

  const adminEmail = storedRoleEmail("admin");
  const customerEmail = `customer-${stamp}@example.com`;
  const customer = await playwright.request.newContext({ baseURL });
  await signIn(customer, customerEmail, { signUp: true });
  expect((await customer.get("/api/export")).status()).toBe(403); // still a contributor
  expect(arena("set-role", "--email", customerEmail, "--role", "customer")).toContain("customer");

  const admin = new AdminConsole(page);
  await admin.open("/admin/policy");
  await expect(page.getByLabel("Holdout (days)")).toHaveValue("60");
  try {
    await admin.setHoldoutDays(30);

    const entry = await admin.latestAuditEntry("Data policy");
    await expect(entry).toContainText(adminEmail);
    await expect(entry).toContainText("policy.update");
    const holdout = entry.locator('[data-field="holdoutDays"]');
    await expect(holdout).toHaveAttribute("data-changed", "true");
    await expect(holdout).toHaveText(/60\s*→\s*30/);
    await expect(entry.locator('[data-field="minSliceVoters"]')).toHaveAttribute("data-changed", "false");

    // The customer's export: released votes only, with the cutoff in a header.
    const response = await customer.get("/api/export?format=jsonl");
    expect(response.status()).toBe(200);
    const cutoff = Date.parse(response.headers()["x-showdown-data-cutoff"]);
    expect(Math.abs(cutoff - (Date.now() - 30 * DAY))).toBeLessThan(10 * 60_000);
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="showdown-votes-before-\d{4}-\d{2}-\d{2}\.jsonl"$/);
    const text = await response.text();
    const battles = text
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { tstamp: number; judge: string; model_a: string });
    for (const b of battles) expect(b.tstamp * 1000).toBeLessThan(cutoff);
    expect(battles.map((b) => b.tstamp).sort()).toEqual([tstamp(ages.old), tstamp(ages.middle)].sort());
    expect(text).not.toContain("e2e-judge");

    // The admin's CSV download from the overview page: the same votes.
    const csv = await admin.download("CSV");
    expect(csv.name).toMatch(/^showdown-votes-before-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...records] = parseCsv(csv.text);
    const at = header.indexOf("tstamp");
    expect(records.map((r) => Number(r[at])).sort()).toEqual([tstamp(ages.old), tstamp(ages.middle)].sort());
    expect(csv.text).not.toContain("e2e-judge");

    // Downloads are audited.
    const download = await admin.latestAuditEntry("Exports");
    await expect(download).toContainText("export.download");

    // A snapshot published from the admin page is readable by the customer through the versioned API.
    const id = await admin.publishSnapshot();
    await expect(page.getByTestId("snapshots").locator(`[data-snapshot="${id}"]`)).toContainText("admin");
    const list = await (await customer.get("/api/snapshots")).json();
    expect(list.apiVersion).toBe(1);
    expect(list.snapshots[0]).toMatchObject({ id, trigger: "admin" });
    expect(list.snapshots[0].sliceKeys).toContain("region:europe");
    const one = await (await customer.get(`/api/snapshots/${id}?slice=all`)).json();
    expect(one.snapshot.slices.map((s: { key: string }) => s.key)).toEqual(["all"]);
    expect(one.snapshot.slices[0].rows.length).toBeGreaterThan(1);
    expect((await customer.get(`/api/snapshots/${id}?slice=planet:mars`)).status()).toBe(400);
    expect((await customer.get("/api/snapshots/no-such-snapshot")).status()).toBe(404);
    expect((await customer.post("/api/admin/snapshots")).status()).toBe(403);
  } finally {
    // Leave the shared server's policy as other specs expect it.
    const current = await (await page.request.get("/api/admin/policy")).json();
    expect((await page.request.put("/api/admin/policy", { data: { ...current.policy, holdoutDays: 60 } })).status()).toBe(200);
    await customer.dispose();
  }
});
