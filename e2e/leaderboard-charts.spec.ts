import { expect, test } from "@playwright/test";
import { LeaderboardPage, ModelProfilePage, SliceComparisonPage, readNumber } from "./pages/leaderboard-page";
import { signInNewAdmin } from "./support/accounts";
import { revealLazy } from "./support/lazy";

interface ApiRow {
  name: string;
  displayName: string;
  rating: number | null;
  votes: number;
}

test("the leaderboard shows outcome shares and head-to-head heatmaps of the rated models", async ({ page }) => {
  const board = new LeaderboardPage(page);
  await board.open();
  const table = page.getByTestId("leaderboard");
  for (const header of ["Voters", "Win", "Tie", "Both bad"])
    await expect(table.getByRole("columnheader", { name: header, exact: true })).toBeVisible();
  await expect(table.locator('[data-col="win-rate"]').first()).toHaveText(/^\d+%$/);

  const rated = await board.ratedModels();
  expect(rated.length).toBeGreaterThan(2);
  await board.showCharts();
  for (const kind of ["win-fraction", "battle-count"] as const) {
    const heatmap = page.getByTestId(`${kind}-heatmap`);
    await expect(heatmap).toBeVisible();
    // Every rated model names a column and a row, in leaderboard order.
    expect((await heatmap.locator("thead th").allTextContents()).map((t) => t.trim())).toEqual(rated);
    expect((await heatmap.getByRole("rowheader").allTextContents()).map((t) => t.trim())).toEqual(rated);
  }

  // The top two models have met: each one's share against the other adds up to 100%, and the battle count is the same both ways.
  const [first, second] = rated;
  const ab = readNumber(await board.heatmapCell("win-fraction", first!, second!));
  const ba = readNumber(await board.heatmapCell("win-fraction", second!, first!));
  expect(Math.abs(ab + ba - 100)).toBeLessThanOrEqual(1);
  const battles = readNumber(await board.heatmapCell("battle-count", first!, second!));
  expect(battles).toBeGreaterThan(0);
  expect(readNumber(await board.heatmapCell("battle-count", second!, first!))).toBe(battles);
  expect(await board.heatmapCell("win-fraction", first!, first!)).toBe("");
});

test("two audiences side by side: ratings from each audience's leaderboard and their tested difference", async ({ page, request }) => {
  const americas = (await (await request.get("/api/leaderboard?region=americas")).json()) as { votes: number; rows: ApiRow[] };
  const english = (await (await request.get("/api/leaderboard?language=en")).json()) as { votes: number; rows: ApiRow[] };
  const tested = (await (await request.get("/api/compare?a.region=americas&b.language=en")).json()) as {
    models: { displayName: string; difference: number; lower: number; upper: number; significant: boolean }[];
  };

  const board = new LeaderboardPage(page);
  await board.open();
  await page.getByRole("link", { name: "Compare two audiences" }).click();
  await expect(page.getByRole("heading", { name: "Compare two audiences" })).toBeVisible();

  const compare = new SliceComparisonPage(page);
  await compare.open("a.region=americas&b.language=en&a.age=12-17");
  await expect(page.getByRole("alert").filter({ hasText: "Ignored filter" })).toContainText(/a\.age=.12-17.: Unknown age band/);
  expect(await compare.sliceOf("A")).toBe("Americas");
  expect(await compare.sliceOf("B")).toBe("English");
  expect(await compare.votesOf("A")).toBe(americas.votes);
  expect(await compare.votesOf("B")).toBe(english.votes);
  await expect(page.getByRole("main").getByTestId("comparison").getByRole("columnheader", { name: "B − A" })).toBeVisible();
  await expect(page.getByRole("main").getByTestId("comparison-chart")).toBeVisible();

  const rows = await compare.rows();
  const both = rows.filter((r) => r.a !== null && r.b !== null);
  expect(both.length).toBeGreaterThan(2);
  for (const r of rows) {
    const a = americas.rows.find((x) => x.displayName === r.model)!;
    const b = english.rows.find((x) => x.displayName === r.model)!;
    expect(r.a, `${r.model} in A`).toBe(a.rating === null ? null : Math.round(a.rating));
    expect(r.b, `${r.model} in B`).toBe(b.rating === null ? null : Math.round(b.rating));
    // the difference shown is the test's: B − A re-centred over the models rated in both
    const test = tested.models.find((m) => m.displayName === r.model);
    if (r.a !== null && r.b !== null) expect(Math.abs(r.difference! - test!.difference)).toBeLessThanOrEqual(0.5);
    else expect(r.difference).toBeNull();
  }
  const significant = await page.getByRole("main").getByTestId("comparison").locator('[data-significant="true"]').count();
  expect(significant).toBe(tested.models.filter((m) => m.significant).length);
  await expect(page.getByTestId("significant-summary")).toContainText(`out of ${tested.models.length} models rated in both`);
  // Sorted by the size of the difference, largest first, whichever way it goes.
  const differences = both.map((r) => Math.abs(r.difference!));
  expect(differences).toEqual([...differences].sort((x, y) => y - x));

  // A small audience says so for the whole side; a model with too few votes in an audience says so in its cell.
  // (Portugal is shown, and the demo's late entry, GPT-4o mini, has too few votes there; Oceania is kept thin.)
  await compare.open("a.country=PT&b.region=oceania");
  await expect(compare.side("B").getByTestId("slice-too-small")).toContainText("Not enough voters");
  await expect(compare.side("A").getByTestId("slice-too-small")).toHaveCount(0);
  const small = await compare.rows();
  expect(small.length).toBeGreaterThan(0);
  expect(small.every((r) => r.b === null && r.difference === null)).toBe(true);
  await expect(page.getByRole("main").getByTestId("comparison").getByText("not enough votes").first()).toBeVisible();
});

test("choosing an audience in side B's filter bar changes the URL and the table, and keeps side A", async ({ page, request }) => {
  const english = (await (await request.get("/api/leaderboard?language=en")).json()) as { rows: ApiRow[] };
  const compare = new SliceComparisonPage(page);
  await compare.open("a.region=americas");
  expect(await compare.sliceOf("B")).toBe("All voters");
  const before = await compare.rows();

  await compare.chooseFor("B", { language: "en" });
  await expect(page).toHaveURL(/a\.region=americas/);
  await expect(page).toHaveURL(/b\.language=en/);
  await expect(compare.side("B").getByTestId("side-slice")).toHaveText("English");
  const after = await compare.rows();
  expect(after.map((r) => r.b)).not.toEqual(before.map((r) => r.b));
  for (const r of after.filter((x) => x.b !== null)) {
    expect(r.b).toBe(Math.round(english.rows.find((x) => x.displayName === r.model)!.rating!));
  }
  // Side A is untouched: every model rated there keeps its rating. (Models unrated on both sides may leave the
  // table, e.g. ones an earlier spec imported with too few votes.)
  const afterA = new Map(after.map((r) => [r.model, r.a]));
  const ratedBefore = before.filter((r) => r.a !== null);
  expect(ratedBefore.length).toBeGreaterThan(1);
  for (const r of ratedBefore) expect(afterA.get(r.model), r.model).toBe(r.a);
});

test("a model's page matches the leaderboard and shows its audiences and head-to-head record", async ({ page, request }) => {
  const americas = (await (await request.get("/api/leaderboard?region=americas")).json()) as { rows: ApiRow[] };
  const board = new LeaderboardPage(page);
  await board.open();
  const [top] = await board.ratedModels();
  const rating = await board.ratingOf(top!);
  const votes = await board.votesOf(top!);
  const rank = await board.rankOf(top!);

  await board.openModel(top!);
  const model = new ModelProfilePage(page);
  expect(await model.overallRating()).toBe(rating);
  expect(await model.overallVotes()).toBe(votes);
  // the same rank, or range of ranks, as the leaderboard's rank column
  await expect(model.main.getByTestId("overall-rank")).toHaveText(new RegExp(`^${rank}\\s+of \\d+$`));

  // Head to head: one row per public model it met (deprecated ones included), adding up to its votes.
  const record = await model.headToHead();
  const everyone = (await (await request.get("/api/leaderboard?deprecated=show")).json()) as { rows: ApiRow[] };
  const opponents = record.map((r) => r.opponent);
  expect(new Set(opponents).size).toBe(opponents.length);
  expect(opponents.length).toBeGreaterThan(5);
  for (const name of opponents) expect(everyone.rows.map((r) => r.displayName).filter((n) => n !== top)).toContain(name);
  expect(record.reduce((sum, r) => sum + r.battles, 0)).toBe(votes);
  expect(record.find((r) => r.battles > 0)!.winFraction).toMatch(/^\d+%$/);

  // By audience: its Americas rating is the Americas leaderboard's.
  await expect(page.getByRole("heading", { name: "By audience" })).toBeVisible();
  const expected = americas.rows.find((r) => r.displayName === top)!.rating;
  const shown = await model.audienceRating("region", "Americas");
  if (expected === null) expect(shown).toBeNull();
  else expect(shown).toBe(Math.round(expected));
  await expect(page.getByRole("main").getByTestId("by-audience")).toContainText(/too small to show|Not enough votes for this model/);
  await expect(page.getByRole("main").getByTestId("no-history").or(page.getByRole("main").getByTestId("rating-history"))).toBeVisible();
});

test("an unknown model name is a 404 page", async ({ page }) => {
  const model = new ModelProfilePage(page);
  const response = await model.open("no-such-model-anywhere");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "No such model" })).toBeVisible();
  await expect(page.getByRole("link", { name: /leaderboard/i }).first()).toBeVisible();
});

/** Round ticks: one constant step of 1, 2 or 5 × 10^k, every tick a multiple of it. */
function expectRoundTicks(ticks: number[]) {
  expect(ticks.length).toBeGreaterThanOrEqual(2);
  const step = ticks[1]! - ticks[0]!;
  const mantissa = step / 10 ** Math.floor(Math.log10(step));
  expect(
    [1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-9),
    `step ${step} of ${ticks.join(", ")}`,
  ).toBe(true);
  for (let i = 1; i < ticks.length; i++) expect(ticks[i]! - ticks[i - 1]!).toBe(step);
  for (const t of ticks) expect(t % step).toBe(0);
}

type Box = { x: number; y: number; width: number; height: number };
const disjoint = (a: Box, b: Box) =>
  a.x + a.width <= b.x + 0.5 || b.x + b.width <= a.x + 0.5 || a.y + a.height <= b.y + 0.5 || b.y + b.height <= a.y + 0.5;

/** The interval chart's geometry as drawn: x tick labels and values, model-name labels, the plot's x axis line. */
async function intervalChartGeometry(page: import("@playwright/test").Page) {
  await revealLazy(page);
  const chart = page.getByTestId("rating-interval-chart");
  // the chart loads lazily after the page (its own chunk): allow for a busy machine
  await expect(chart.getByTestId("interval-dot").first()).toBeVisible({ timeout: 30_000 });
  const svg = (await chart.locator("svg.recharts-surface").boundingBox())!;
  const axisLine = (await chart.locator(".recharts-xAxis .recharts-cartesian-axis-line").boundingBox())!;
  const xTicks = chart.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value");
  const xBoxes = await Promise.all((await xTicks.all()).map(async (t) => (await t.boundingBox())!));
  const xValues = (await xTicks.allTextContents()).map((s) => Number(s.replace(/,/g, "")));
  const names = chart.getByTestId("name-tick");
  const nameBoxes = await Promise.all((await names.all()).map(async (t) => (await t.boundingBox())!));
  return { svg, axisLine, xBoxes, xValues, nameBoxes };
}

test("every interval whisker is drawn with its dot, with no animation delay", async ({ page }) => {
  const board = new LeaderboardPage(page);
  await board.open();
  const rated = await board.ratedModels();
  await board.showCharts();
  const chart = page.getByTestId("rating-interval-chart");
  // the chart loads lazily after the page (its own chunk): allow for a busy machine
  await expect(chart.getByTestId("interval-dot").first()).toBeVisible({ timeout: 30_000 });
  // counted in the same frame the first dot appears: no whisker trails behind
  const counts = await chart.evaluate((el) => ({
    dots: el.querySelectorAll('[data-testid="interval-dot"]').length,
    whiskers: [...el.querySelectorAll('[data-testid="interval-whisker"]')].filter(
      (l) => Number(l.getAttribute("x2")) - Number(l.getAttribute("x1")) > 0,
    ).length,
  }));
  expect(counts).toEqual({ dots: rated.length, whiskers: rated.length });
  const { xValues, xBoxes, svg } = await intervalChartGeometry(page);
  expectRoundTicks(xValues);
  // first and last tick labels inside the chart, not clipped
  for (const b of xBoxes) expect(b.x >= svg.x - 0.5 && b.x + b.width <= svg.x + svg.width + 0.5).toBe(true);
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the interval chart has one readable row per model, and nothing scrolls the page sideways", async ({ page }) => {
    const board = new LeaderboardPage(page);
    await board.open();
    const rated = await board.ratedModels();
    const { svg, nameBoxes, xBoxes, axisLine } = await intervalChartGeometry(page);
    expect(nameBoxes).toHaveLength(rated.length);
    for (let i = 0; i < nameBoxes.length; i++) {
      const a = nameBoxes[i]!;
      // inside the chart and the viewport, and beside the plot rather than in it
      expect(a.x).toBeGreaterThanOrEqual(Math.max(0, svg.x) - 0.5);
      expect(a.x + a.width).toBeLessThanOrEqual(Math.min(390, svg.x + svg.width) + 0.5);
      expect(a.x + a.width).toBeLessThanOrEqual(axisLine.x + 0.5);
      for (let j = i + 1; j < nameBoxes.length; j++) expect(disjoint(a, nameBoxes[j]!), `labels ${i} and ${j} overlap`).toBe(true);
    }
    for (let i = 1; i < xBoxes.length; i++) expect(disjoint(xBoxes[i - 1]!, xBoxes[i]!)).toBe(true);
    // each visible name is its model's, whole or cut with an ellipsis (the full name is in its title)
    const shown = await page
      .getByTestId("rating-interval-chart")
      .getByTestId("name-tick")
      .evaluateAll((ts) => ts.map((t) => ({ title: t.querySelector("title")?.textContent, text: t.lastChild?.textContent ?? "" })));
    expect(shown.map((s) => s.title)).toEqual(rated);
    for (const s of shown) expect(s.text === s.title || (s.text.endsWith("…") && s.title!.startsWith(s.text.slice(0, -1)))).toBe(true);

    for (const kind of ["win-fraction", "battle-count"]) {
      const region = page.getByRole("region", { name: (await page.getByTestId(`${kind}-heatmap`).getAttribute("aria-label")) ?? "" });
      await expect(region).toHaveAttribute("tabindex", "0");
      const box = (await region.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
});

test.describe("on a phone opening the leaderboard", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the heatmaps below the fold are built only when the reader scrolls near them, in boxes that hold their place", async ({ page }) => {
    const board = new LeaderboardPage(page);
    await board.open();
    await page.waitForLoadState("networkidle");
    const slot = page.locator("[data-lazy]").last();
    await expect(page.locator("#pairwise-heading")).toHaveCount(1);
    // the last box (the battle-count heatmap) is far below an 844 px screen: still waiting, nothing built
    await expect(slot).toHaveAttribute("data-lazy", "waiting");
    await expect(page.getByTestId("battle-count-heatmap")).toHaveCount(0);
    const before = (await slot.boundingBox())!;
    expect(before.height).toBeGreaterThan(300);
    await slot.scrollIntoViewIfNeeded();
    await expect(page.getByTestId("battle-count-heatmap")).toBeVisible();
    await expect(slot).toHaveAttribute("data-lazy", "shown");
  });
});

test("in Arabic the chart mirrors: names on the right, round number labels below the plot, never inside it", async ({
  page,
  context,
  baseURL,
}) => {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "ar", url: baseURL! }]);
  await page.goto("/leaderboard");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const { svg, axisLine, xBoxes, xValues, nameBoxes } = await intervalChartGeometry(page);
  expectRoundTicks([...xValues].sort((a, b) => a - b));
  // mirrored: the highest rating is on the left
  const lefts = xBoxes.map((b) => b.x);
  expect(xValues[lefts.indexOf(Math.min(...lefts))]).toBe(Math.max(...xValues));
  for (const b of xBoxes) {
    expect(b.y).toBeGreaterThanOrEqual(axisLine.y - 0.5);
    expect(b.x >= svg.x - 0.5 && b.x + b.width <= svg.x + svg.width + 0.5).toBe(true);
  }
  for (const b of nameBoxes) {
    expect(b.x).toBeGreaterThanOrEqual(axisLine.x + axisLine.width - 0.5);
    expect(b.x + b.width).toBeLessThanOrEqual(svg.x + svg.width + 0.5);
  }
});

test("heatmap cells from few battles are faint and say how many battles; every cell's text is readable", async ({ page }) => {
  const board = new LeaderboardPage(page);
  let fewSeen = 0;
  // from the whole board to ever thinner audiences, until one shows pairs with few battles (a larger demo has none overall)
  for (const query of [
    "",
    "region=europe",
    "language=pt",
    "country=US",
    "country=BR&age=25-34",
    "country=US&age=65%2B",
    "education=doctorate&age=18-24",
  ]) {
    await board.open(query);
    const map = page.getByTestId("battle-count-heatmap");
    // too small an audience, or fewer than two rated models: no heatmaps (the section heading is server-rendered)
    if ((await page.getByTestId("slice-too-small").count()) > 0 || (await page.locator("#pairwise-heading").count()) === 0) continue;
    await board.showCharts();
    await expect(map).toBeVisible();
    const cells = await map.locator("tbody td").evaluateAll((tds) =>
      tds
        .filter((td) => td.textContent !== "")
        .map((td) => ({
          text: td.textContent!,
          title: td.getAttribute("title") ?? "",
          few: td.getAttribute("data-few") === "true",
          bg: getComputedStyle(td).backgroundColor,
          color: getComputedStyle(td).color,
        })),
    );
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) {
      const n = Number(c.text);
      const alpha = /rgba\([^)]*,\s*([\d.]+)\)/.exec(c.bg)?.[1];
      expect(c.few, `${n} battles`).toBe(n < 10);
      if (n < 10) expect(Number(alpha)).toBeLessThan(0.7);
      else expect(alpha).toBeUndefined();
      expect(c.title).toContain(`${n} battle`);
    }
    fewSeen += cells.filter((c) => c.few).length;
    // win fractions from few battles are faint too, and their title gives the count
    const faint = page.getByTestId("win-fraction-heatmap").locator('td[data-few="true"]');
    if ((await faint.count()) > 0) await expect(faint.first()).toHaveAttribute("title", /[1-9] battles?/);
    // contrast of each cell's text against the colour actually seen (translucent fills blend with the white figure)
    const worst = await page.locator('[data-testid$="-heatmap"] tbody td').evaluateAll((tds) => {
      const rgb = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]) =>
        [r!, g!, b!]
          .map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
          .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
      let min = 21;
      for (const td of tds) {
        if (!td.textContent) continue;
        const [r, g, b, a = 1] = rgb(getComputedStyle(td).backgroundColor);
        const seen = [r!, g!, b!].map((v) => v * a + 255 * (1 - a));
        const [l1, l2] = [lum(seen), lum(rgb(getComputedStyle(td).color))].sort((x, y) => y - x);
        min = Math.min(min, (l1! + 0.05) / (l2! + 0.05));
      }
      return min;
    });
    expect(worst).toBeGreaterThanOrEqual(4.5);
    if (fewSeen > 0) break;
  }
  expect(fewSeen).toBeGreaterThan(0);
});

test("rating history: one snapshot shows its interval as an error bar, two or more as a band along the line", async ({ page }) => {
  test.setTimeout(120_000); // two snapshot publications, each a full bootstrap
  await signInNewAdmin(page.request, "history-admin");
  const board = new LeaderboardPage(page);
  await board.open();
  const [top] = await board.ratedModels();
  expect((await page.request.post("/api/admin/snapshots")).status()).toBe(201);
  await board.openModel(top!);
  const history = page.getByRole("main").getByTestId("rating-history");
  await expect(history).toBeVisible();
  const published = await history.locator(".recharts-line-dot, .recharts-dot").count();
  if (published === 1) await expect(history.getByTestId("history-lone-interval")).toHaveCount(1);

  expect((await page.request.post("/api/admin/snapshots")).status()).toBe(201);
  await page.reload();
  await expect(history.locator(".recharts-area-area")).toBeVisible();
  await expect(history.getByTestId("history-lone-interval")).toHaveCount(0);
  const ticks = (await history.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents()).map((s) =>
    Number(s.replace(/,/g, "")),
  );
  expectRoundTicks(ticks);
});
