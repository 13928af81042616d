import { expect, test, type Page } from "@playwright/test";
import { chooseInterfaceLanguage, languageMenu } from "./pages/language-menu";
import { chooseFilter, filterMenu, LeaderboardPage } from "./pages/leaderboard-page";

/** Every URL the page's main frame shows, including in-place (history API) changes. */
function recordUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) urls.push(frame.url());
  });
  return urls;
}

// Date fields read month/day/year in US English; the typing below relies on that order.
test.use({ locale: "en-US" });

/** The filter form ("Filter by audience" in English; found by role so that it is found in any language). */
const filterForm = (page: Page) => page.getByRole("main").getByRole("form").first();
const board = (page: Page) => page.getByTestId("board");

test("a date typed key by key applies only once complete and committed, and the board follows", async ({ page }) => {
  const leaderboard = new LeaderboardPage(page);
  await leaderboard.open();
  const urls = recordUrls(page);
  const from = filterForm(page).getByLabel("From", { exact: true });
  await from.focus();
  // Chromium's date field in en-US: month, day, year. After the first key of the year the field holds 0002-01-15.
  for (const key of "01152020") {
    await page.keyboard.press(key);
    expect(page.url(), `after typing ${key}`).not.toContain("from=");
  }
  await expect(from).toHaveValue("2020-01-15");
  expect(new URL(page.url()).search).toBe("");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]from=2020-01-15(&|$)/);
  // The first board computed after start may wait for the vote index to load on a busy machine.
  await expect(board(page)).toHaveAttribute("aria-busy", "false", { timeout: 30_000 });
  await expect(page.getByTestId("slice-summary")).toContainText("2020-01-15 to today");
  await expect(from).toBeFocused();
  // One new URL (Playwright may report the same history entry twice), never a partial year.
  expect(new Set(urls.filter((u) => u.includes("from=")))).toEqual(new Set([`${new URL(page.url()).origin}/leaderboard?from=2020-01-15`]));
  expect(urls.some((u) => /from=0/.test(u))).toBe(false);
});

test("a partly typed date is not applied when focus leaves, and says why", async ({ page }) => {
  await new LeaderboardPage(page).open();
  const to = filterForm(page).getByLabel("To", { exact: true });
  await to.focus();
  for (const key of "0315") await page.keyboard.press(key);
  // Focus leaves the field (within it, Tab only moves between its parts).
  await page.getByRole("heading", { level: 1 }).click();
  await expect(page.getByText("Enter a full date")).toBeVisible();
  expect(page.url()).not.toContain("to=");
});

test("arrow keys on a closed filter menu apply nothing; Apply does, and focus stays on the menu", async ({ page }) => {
  await new LeaderboardPage(page).open();
  const region = filterMenu(filterForm(page), "region");
  await region.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(region).toHaveAttribute("aria-expanded", "false");
  expect(page.url()).not.toContain("region=");

  // Open with the keyboard: focus goes to the first choice; ticking changes nothing until Apply.
  await page.keyboard.press("Enter");
  await expect(region).toHaveAttribute("aria-expanded", "true");
  const first = filterForm(page).locator('input[type="checkbox"]').first();
  await expect(first).toBeFocused();
  const value = await first.getAttribute("value");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Space");
  await expect(first).toBeChecked();
  expect(page.url()).not.toContain("region=");
  // Escape discards the draft.
  await page.keyboard.press("Escape");
  await expect(region).toBeFocused();
  expect(page.url()).not.toContain("region=");

  await page.keyboard.press("Enter");
  await page.keyboard.press("Space");
  await filterForm(page).getByRole("button", { name: "Apply", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]region=${value}(&|$)`));
  await expect(region).toBeFocused();
  await expect(board(page)).toHaveAttribute("aria-busy", "false");
});

test("arrow keys on the language menu switch nothing; choosing a language does and keeps focus on the menu", async ({ page }) => {
  await page.goto("/leaderboard");
  const menu = languageMenu(page);
  await expect(menu).toHaveAccessibleName("Interface language: English");
  await menu.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowDown"); // browsing the list moves focus only
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByTestId("language-list").locator('button[lang="de"]').focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(menu).toBeFocused();
  await expect(menu).toHaveAccessibleName("Sprache der Oberfläche: Deutsch");
  // The voter-language filter has a name of its own.
  await expect(filterForm(page).getByRole("button", { name: /^Sprache der Abstimmenden:/ })).toBeVisible();
  await chooseInterfaceLanguage(page, "en");
});

test("while a filter change is pending the old board stays, dimmed and busy, with a progress message", async ({ page }) => {
  const leaderboard = new LeaderboardPage(page);
  await leaderboard.open();
  const before = await page.getByTestId("leaderboard").locator("tbody tr").first().getAttribute("data-model");
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/leaderboard?*", async (route) => {
    await held;
    await route.continue();
  });
  await filterMenu(filterForm(page), "region").click();
  await filterForm(page).locator('input[type="checkbox"][value="europe"]').check();
  await filterForm(page).getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page).toHaveURL(/region=europe/);
  await expect(board(page)).toHaveAttribute("aria-busy", "true");
  await expect(page.getByTestId("board-status")).toHaveText("Updating…");
  // The previous rows are still there.
  await expect(page.getByTestId("leaderboard").locator("tbody tr").first()).toHaveAttribute("data-model", before!);
  await expect(page.getByTestId("slice-summary")).not.toContainText("Europe");
  release();
  await expect(board(page)).toHaveAttribute("aria-busy", "false");
  await expect(page.getByTestId("board-status")).toHaveText("");
  await expect(page.getByTestId("slice-summary")).toContainText("Europe");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("the leaderboard table scrolls in its own box with the model column fixed; the page does not overflow", async ({ page }) => {
    await new LeaderboardPage(page).open();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "horizontal page overflow in px").toBeLessThanOrEqual(0);

    const scroller = page.getByTestId("leaderboard-scroll");
    await expect(scroller).toHaveAttribute("role", "region");
    await expect(scroller).toHaveAttribute("tabindex", "0");
    await expect(scroller).toHaveAccessibleName("Leaderboard table");
    const row = page.getByTestId("leaderboard").locator("tbody tr").first();
    const cells = row.locator("th, td");
    // No two cells of a row overlap.
    const boxes = await cells.evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right })),
    );
    for (let i = 1; i < boxes.length; i++)
      expect(boxes[i]!.left, `cell ${i} starts after cell ${i - 1} ends`).toBeGreaterThanOrEqual(boxes[i - 1]!.right - 1);

    const model = row.locator('[data-col="model"]');
    const x = (await model.boundingBox())!.x;
    const scrollable = await scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(scrollable, "the table is wider than the screen, so it scrolls").toBeGreaterThan(0);
    await scroller.evaluate((el) => el.scrollBy({ left: 10_000 }));
    await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    expect((await model.boundingBox())!.x).toBeCloseTo(x, 0);
    // The last column is reachable, not cut off.
    const last = (await row.locator("td").last().boundingBox())!;
    expect(last.x + last.width).toBeLessThanOrEqual(390);

    // The filter bar, unfolded, wraps inside the screen.
    await page.getByTestId("filters-toggle").click();
    for (const button of await filterForm(page).getByRole("button").all()) {
      const box = (await button.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
  });

  test("the filters fold behind one button, so the table starts higher; unfolded they work as on a desktop", async ({ page }) => {
    await new LeaderboardPage(page).open();
    const toggle = page.getByTestId("filters-toggle");
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(filterForm(page).getByRole("button", { name: /^Region:/ })).toBeHidden();
    const tableTop = async () => (await page.getByTestId("leaderboard").boundingBox())!.y;
    const folded = await tableTop();

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    // unfolded, the five menus and the two dates push the board down by well over 120 px
    expect((await tableTop()) - folded).toBeGreaterThan(120);
    await chooseFilter(filterForm(page), "region", "europe");
    await expect(page).toHaveURL(/region=europe/);
    await expect(filterForm(page).getByRole("button", { name: "Remove Region: Europe" })).toBeVisible();
    await expect(toggle).toContainText("1 chosen");
  });
});
