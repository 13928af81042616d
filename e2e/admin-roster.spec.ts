import { expect, test, type Page } from "@playwright/test";
import { pauseUnreachableModelsAfterAll, STORAGE_STATE } from "./support/accounts";

// Every test here is an admin's: signed in once for the run (e2e/auth.setup.ts).
test.use({ storageState: STORAGE_STATE.admin });

// The models these tests add point at a port nothing listens on: pause them when done.
pauseUnreachableModelsAfterAll(test, "http://127.0.0.1:9/v1");

/** The roster console, used the way an admin uses it. */
class RosterConsole {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto("/admin/models");
  }

  async addModel(m: {
    name: string;
    displayName: string;
    organization: string;
    openWeightsLicense?: string;
    releaseDate?: string;
    visibility?: "Public" | "Private testing";
  }) {
    await this.page.goto("/admin/models");
    await this.page.getByRole("link", { name: "Add a model" }).click();
    await this.page.waitForURL(/\/admin\/models\/new$/);
    const form = this.page.getByRole("form", { name: "Add a model" });
    await form.getByLabel("Name (permanent identifier)").fill(m.name);
    await form.getByLabel("Display name").fill(m.displayName);
    await form.getByLabel("Organization (provider)").fill(m.organization);
    if (m.openWeightsLicense) {
      await form.getByLabel("Open weights").check();
      await form.getByLabel("Licence name").fill(m.openWeightsLicense);
    }
    if (m.releaseDate) await form.getByLabel("Release date").fill(m.releaseDate);
    await form.getByLabel("Provider", { exact: true }).selectOption("openai-compatible");
    await form.getByLabel("Base URL").fill("http://127.0.0.1:9/v1");
    await form.getByLabel("Model id at the provider").fill(`${m.name}-upstream`);
    await form.getByLabel("API key").fill("sk-e2e-secret-key");
    await form
      .getByLabel("Visibility")
      .selectOption({ label: m.visibility === "Private testing" ? "Private testing (pre-release variant under a codename)" : "Public" });
    await form.getByRole("button", { name: "Add model" }).click();
  }

  async deprecate(clause: string, reason: string) {
    const form = this.page.getByRole("form", { name: "Deprecate this model" });
    await form.getByLabel("Clause of the deprecation rule").selectOption({ label: clause });
    await form.getByLabel("Reason (published on the changelog)").fill(reason);
    await form.getByRole("button", { name: "Deprecate" }).click();
  }
}

test("an admin adds a model through the roster form; the key is stored but never shown", async ({ page }) => {
  const roster = new RosterConsole(page);
  await roster.open();
  const name = `e2e-open-${Date.now()}`;
  await roster.addModel({
    name,
    displayName: "E2E Open Model",
    organization: "E2E Labs",
    openWeightsLicense: "Apache-2.0",
    releaseDate: "2026-03-01",
  });
  await page.waitForURL(/\/admin\/models\/[^/]+\?created=1$/);
  await expect(page.getByRole("status")).toContainText("Model added");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("E2E Open Model");
  await expect(page.getByTestId("model-state")).toContainText("Status: Active. Visibility: Public. No votes yet.");
  await expect(page.getByTestId("api-key-state")).toHaveText("An API key is set.");
  expect(await page.content()).not.toContain("sk-e2e-secret-key");

  await page.goto(`/admin/models?q=${name}`);
  const row = page.getByTestId("admin-models").locator(`tr[data-model="${name}"]`);
  await expect(row).toContainText("E2E Labs");
  await expect(row).toContainText("OpenAI-compatible API");
  await expect(row).toContainText("API key set");

  // A taken name is refused next to the field.
  await roster.addModel({ name, displayName: "Duplicate", organization: "E2E Labs" });
  await expect(page.getByText("This name is already on the roster.")).toBeVisible();

  // The change is in the audit log, without the key.
  await page.goto("/admin/audit?entity=model&action=model.create");
  const entry = page.getByTestId("audit-log").locator("tbody tr").first();
  await expect(entry).toContainText(name);
  await expect(entry).toContainText("apiKey: set");
});

test("the private-variant cap refuses a fourth concurrent private variant of one provider", async ({ page }) => {
  const roster = new RosterConsole(page);
  await roster.open();
  const organization = `Cap Labs ${Date.now()}`;
  // Fill the organization's private slots through the API (the same endpoint the form uses).
  let accepted = 0;
  for (let i = 0; i < 20; i++) {
    const response = await page.request.post("/api/admin/models", {
      data: {
        name: `e2e-cap-${Date.now()}-${i}`,
        displayName: `Codename ${i}`,
        organization,
        licenseKind: "PROPRIETARY",
        provider: "openai-compatible",
        providerConfig: { baseUrl: "http://127.0.0.1:9/v1", modelId: "m" },
        visibility: "PRIVATE_TESTING",
      },
    });
    if (response.status() === 409) break;
    expect(response.status()).toBe(201);
    accepted += 1;
  }
  expect(accepted).toBe(3);

  await roster.addModel({ name: `e2e-cap-ui-${Date.now()}`, displayName: "Fourth codename", organization, visibility: "Private testing" });
  await expect(page.getByText(`${organization} already has 3 private-testing variants, the most the policy allows (3).`)).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/models\/new$/);
  await page.goto(`/admin/models?visibility=PRIVATE_TESTING&q=cap-`);
  await expect(page.getByTestId("admin-models").locator("tbody tr", { hasText: organization })).toHaveCount(3);
});

test("an admin deprecates a model with a clause and a reason; it stays listed as deprecated", async ({ page }) => {
  const roster = new RosterConsole(page);
  await roster.open();
  const name = `e2e-old-${Date.now()}`;
  await roster.addModel({ name, displayName: "E2E Old Model", organization: "E2E Labs" });
  await page.waitForURL(/\?created=1$/);

  // A deprecation without a clause or reason is refused next to the fields.
  await page.getByRole("form", { name: "Deprecate this model" }).getByRole("button", { name: "Deprecate" }).click();
  await expect(page.getByText("Choose the clause of the deprecation rule that applies.")).toBeVisible();
  await expect(page.getByText(/needs a written reason/)).toBeVisible();

  await roster.deprecate("Superseded by a newer version from the same provider", "Replaced by E2E Old Model 2, released by the same lab.");
  await expect(page.getByTestId("model-actions").getByRole("status")).toContainText("Deprecated. The reason is on the public changelog.");
  await expect(page.getByTestId("model-state")).toContainText("Status: Deprecated.");
  await expect(page.getByRole("form", { name: "Deprecate this model" })).toHaveCount(0);

  await page.goto(`/admin/models?status=DEPRECATED&q=${name}`);
  await expect(page.getByTestId("admin-models").locator(`tr[data-model="${name}"]`)).toContainText("Deprecated");

  await page.goto("/changelog");
  const event = page.getByTestId("roster-events").locator(`tr[data-model="${name}"][data-kind="deprecated"]`);
  await expect(event).toContainText("Replaced by E2E Old Model 2, released by the same lab.");
  await expect(event).toContainText("Rule clause: superseded.");
});
