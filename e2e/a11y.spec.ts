import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signInNewAdmin } from "./support/accounts";
import { revealLazy } from "./support/lazy";

/**
 * axe-core (WCAG 2.0/2.1 A and AA) on the main pages, in English and in Arabic (right to left):
 * no serious or critical violation anywhere. On failure every violation is printed with its targets.
 */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const LOCALES = [
  { locale: "en", dir: "ltr" },
  { locale: "ar", dir: "rtl" },
] as const;

interface Finding {
  page: string;
  rule: string;
  impact: string;
  targets: string[];
}

/** Scans `path` and returns its serious/critical violations (all violations are attached to the report). */
async function scan(page: Page, path: string, locale: string, dir: string): Promise<Finding[]> {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  // charts and heatmaps below the fold render on approach: scan them too
  await revealLazy(page);
  const html = page.locator("html");
  await expect(html).toHaveAttribute("lang", locale);
  await expect(html).toHaveAttribute("dir", dir);
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const all = results.violations.map((v) => ({
    page: `${locale} ${path}`,
    rule: v.id,
    impact: v.impact ?? "unknown",
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
  for (const f of all) console.log(`[axe] ${f.page} ${f.impact} ${f.rule} ×${f.targets.length}: ${f.targets.slice(0, 5).join(" | ")}`);
  return all.filter((f) => f.impact === "serious" || f.impact === "critical");
}

function report(findings: Finding[]): string {
  return findings.map((f) => `${f.page} — ${f.impact} ${f.rule} (${f.targets.length}): ${f.targets.join(" | ")}`).join("\n");
}

async function aRatedModel(page: Page): Promise<string> {
  const rows = ((await (await page.request.get("/api/leaderboard")).json()) as { rows: { name: string; rating: number | null }[] }).rows;
  return (rows.find((r) => r.rating !== null) ?? rows[0]).name;
}

const PUBLIC_PAGES = [
  "/",
  "/arena",
  "/leaderboard",
  "/leaderboard/compare",
  "/methodology",
  "/history",
  "/signin",
  "/signup",
  "/changelog",
  "/tested-variants",
  "/data-share",
];
const CONTRIBUTOR_PAGES = ["/arena", "/history", "/profile"];
const ADMIN_PAGES = [
  "/data",
  "/admin",
  "/admin/models",
  "/admin/models/new",
  "/admin/policy",
  "/admin/snapshots",
  "/admin/users",
  "/admin/contributors",
  "/admin/audit",
];

for (const { locale, dir } of LOCALES) {
  test.describe(`axe in ${locale}`, () => {
    test.beforeEach(async ({ page, baseURL }) => page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]));

    test(`signed-out pages have no serious or critical violations (${locale})`, async ({ page }) => {
      test.setTimeout(420_000);
      const model = await aRatedModel(page);
      const findings: Finding[] = [];
      for (const path of [...PUBLIC_PAGES, `/models/${encodeURIComponent(model)}`]) findings.push(...(await scan(page, path, locale, dir)));
      expect(findings, report(findings)).toEqual([]);
    });

    test(`a contributor's pages have no serious or critical violations (${locale})`, async ({ page }) => {
      test.setTimeout(300_000);
      await signIn(page.request, `a11y-${locale}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`, { signUp: true });
      const findings: Finding[] = [];
      // First the empty profile form (what a new contributor sees), then the arena with a complete profile.
      findings.push(...(await scan(page, "/profile", locale, dir)));
      expect(
        (await page.request.put("/api/profile", { data: { country: "EG", ageBand: "25-34", education: "bachelor", language: "ar" } })).ok(),
      ).toBe(true);
      for (const path of CONTRIBUTOR_PAGES) findings.push(...(await scan(page, path, locale, dir)));
      expect(findings, report(findings)).toEqual([]);
    });

    test(`the admin pages have no serious or critical violations (${locale})`, async ({ page }) => {
      test.setTimeout(420_000);
      await signInNewAdmin(page.request, `a11y-admin-${locale}`);
      const model = (await (await page.request.get("/api/admin/models")).json()) as { models: { id: string }[] };
      const findings: Finding[] = [];
      for (const path of [...ADMIN_PAGES, `/admin/models/${model.models[0].id}`]) findings.push(...(await scan(page, path, locale, dir)));
      expect(findings, report(findings)).toEqual([]);
    });
  });
}

test("the skip link is the first focusable element and moves focus to the main content", async ({ page }) => {
  await page.goto("/leaderboard");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});

test("every control shows a visible focus outline", async ({ page }) => {
  await page.goto("/signin");
  const email = page.getByLabel("Email");
  await email.focus();
  await expect(email).toBeFocused();
  const outline = await email.evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe("none");
  expect(outline.width).toBeGreaterThanOrEqual(2);
});
