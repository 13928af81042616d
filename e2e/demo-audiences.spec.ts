import { expect, test } from "@playwright/test";
import { LeaderboardPage, ModelProfilePage, SliceComparisonPage } from "./pages/leaderboard-page";
import { signInNewAdmin } from "./support/accounts";

// The server runs with `--demo`: about 40,000 labelled demo votes with built-in audience differences (lib/demo).

test("a single country and the README's example audience show rated models", async ({ page }) => {
  const board = new LeaderboardPage(page);
  await board.open("country=US");
  await expect(page.getByTestId("slice-summary")).toContainText("United States");
  await expect(page.getByTestId("slice-too-small")).toHaveCount(0);
  expect((await board.ratedModels()).length).toBeGreaterThanOrEqual(10);
  expect(await board.totalVotes()).toBeGreaterThan(1000);

  // The README's example: 25–34 year-olds in Brazil who write in Portuguese, where Llama 3.1 70B is a favourite.
  await board.open("country=BR&age=25-34&language=pt");
  await expect(page.getByTestId("slice-too-small")).toHaveCount(0);
  const rated = await board.ratedModels();
  expect(rated.length).toBeGreaterThanOrEqual(10);
  expect(rated.slice(0, 2)).toContain("Llama 3.1 70B Instruct");
  expect(Number.isFinite(await board.ratingOf(rated[0]!))).toBe(true);

  // The pairwise heatmaps have cells.
  expect(await board.heatmapCell("battle-count", rated[0]!, rated[1]!)).toMatch(/\d/);
  expect(await board.heatmapCell("win-fraction", rated[0]!, rated[1]!)).toMatch(/\d/);
});

test("the comparison opens on two audiences that differ", async ({ page }) => {
  const compare = new SliceComparisonPage(page);
  // No audience in the URL: the page redirects to its defaults. The first fit of the whole board with style control
  // can take a while on a busy machine.
  await page.goto("/leaderboard/compare");
  await expect(compare.side("A")).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(/a\.country=BR/);
  expect(await compare.sliceOf("A")).not.toBe(await compare.sliceOf("B"));
  expect(await compare.sliceOf("B")).toBe("All voters");
  await expect(compare.side("A").getByTestId("slice-too-small")).toHaveCount(0);
  const rows = await compare.rows();
  const both = rows.filter((r) => r.a !== null && r.b !== null);
  expect(both.length).toBeGreaterThanOrEqual(10);
  // Sorted by the difference, largest first: the built-in favourite leads by a wide margin.
  expect(Math.abs(both[0]!.difference!)).toBeGreaterThan(50);
  expect(both.some((r) => r.a !== r.b)).toBe(true);
  await expect(page.getByTestId("significant-summary")).not.toContainText("No model differs significantly");
});

test("the demo banner explains the demo data to visitors, and only admins see how to remove it", async ({ page }) => {
  const board = new LeaderboardPage(page);
  await board.open();
  const notice = page.getByTestId("demo-notice");
  await expect(notice).toContainText("simulated demo votes");
  await expect(notice).not.toContainText("npm run");
  await expect(notice.getByRole("link")).toHaveAttribute("href", "/methodology#demo");
  await notice.getByRole("link").click();
  await expect(page.locator("#demo")).toBeVisible();
  await expect(page.getByTestId("demo-effects").locator('tr[data-effect="showcase"]')).toContainText("Llama 3.1 70B Instruct");

  await signInNewAdmin(page.request, "demo-admin");
  await board.open();
  await expect(page.getByTestId("demo-remove-hint")).toContainText("npm run arena -- demo remove");
});

test("a model's page headlines only audience differences that pass the test", async ({ page }) => {
  // Asia's voters favour Qwen2 by design (lib/demo/preferences.ts), so at least one audience differs for real.
  const model = new ModelProfilePage(page);
  await model.open("Qwen2-72B-Instruct");
  const sentence = model.main.getByTestId("audience-extremes");
  await expect(sentence).toContainText("Rated highest by");
  await expect(sentence).toContainText("false discoveries");
  const named = (await sentence.locator("strong").allTextContents()).map((s) => s.replace(/\s*\([^)]*\)$/, "").trim());
  expect(named.length).toBeGreaterThan(0);
  for (const label of named) {
    const row = model.main
      .locator("[data-testid^='audience-'] tbody tr")
      .filter({ has: page.getByRole("rowheader", { name: label, exact: true }) })
      .first();
    // the named audience's difference is marked significant in its table
    await expect(row.locator('[data-col="difference"]')).toHaveAttribute("data-significant", "true");
  }
});
