import { expect, type Locator, type Page } from "@playwright/test";
import { revealLazy } from "../support/lazy";

type SliceFilter = { region?: string; country?: string; age?: string; education?: string; language?: string };
const FILTER_LABELS: Record<keyof SliceFilter, string> = {
  region: "Region",
  country: "Country",
  age: "Age",
  education: "Education",
  language: "Voter’s language",
};

/** A filter's menu button in a filter form: its name is "<attribute>: <chosen values>". */
export function filterMenu(form: Locator, key: keyof SliceFilter): Locator {
  return form.getByRole("button", { name: new RegExp(`^${FILTER_LABELS[key]}:`) });
}

/** Opens a filter's menu, ticks one value (by code) and applies it. */
export async function chooseFilter(form: Locator, key: keyof SliceFilter, value: string) {
  await filterMenu(form, key).click();
  await form.locator(`input[type="checkbox"][value="${value}"]`).check();
  await form.getByRole("button", { name: "Apply", exact: true }).click();
}

/** A whole number as a person reads it in a cell: "1,157" or "+12" or "−7" -> number. */
export function readNumber(text: string | null): number {
  const match = /[+\-−]?\d[\d,]*(\.\d+)?/.exec(text ?? "");
  if (!match) throw new Error(`No number in "${text}"`);
  return Number(match[0].replace("−", "-").replace(/,/g, ""));
}

/** The public leaderboard, read the way a person reads it. */
export class LeaderboardPage {
  constructor(readonly page: Page) {}

  async open(query = "") {
    await this.page.goto(`/leaderboard${query ? `?${query}` : ""}`);
    await expect(this.page.getByTestId("slice-summary")).toBeVisible();
  }

  async totalVotes(): Promise<number> {
    return readNumber(await this.page.getByTestId("slice-votes").textContent());
  }

  private row(displayName: string): Locator {
    return this.page
      .getByTestId("leaderboard")
      .locator("tbody tr")
      .filter({ has: this.page.getByRole("link", { name: displayName, exact: true }) });
  }

  /** Votes shown in a model's row, by its display name. */
  async votesOf(displayName: string): Promise<number> {
    const row = this.page.getByTestId("leaderboard").locator("tr", { hasText: displayName });
    return readNumber(await row.locator('[data-col="votes"]').textContent());
  }

  async ratingOf(displayName: string): Promise<number> {
    return readNumber(await this.row(displayName).locator('[data-col="rating"]').textContent());
  }

  /** The rank column as shown: a rank, or the range of ranks its interval allows ("5–7"). */
  async rankOf(displayName: string): Promise<string> {
    return ((await this.row(displayName).locator('[data-col="rank"]').textContent()) ?? "").trim();
  }

  /** Display names of the models with a rating, in table order. */
  async ratedModels(): Promise<string[]> {
    const rows = this.page
      .getByTestId("leaderboard")
      .locator("tbody tr")
      .filter({ has: this.page.locator('[data-col="rating"]') });
    return rows.locator('[data-col="model"] a').allTextContents();
  }

  async openModel(displayName: string) {
    await this.row(displayName).getByRole("link", { name: displayName, exact: true }).click();
    await expect(this.page.getByRole("main").getByTestId("model-name")).toHaveText(displayName);
  }

  /** A heatmap cell's text, by row and column model. */
  /** Renders the charts and heatmaps, which wait until the reader scrolls near them. */
  async showCharts() {
    await revealLazy(this.page);
  }

  async heatmapCell(kind: "win-fraction" | "battle-count", row: string, column: string): Promise<string> {
    await this.showCharts();
    const table = this.page.getByTestId(`${kind}-heatmap`);
    const columns = (await table.locator("thead th").allTextContents()).map((t) => t.trim());
    const col = columns.indexOf(column);
    expect(col, `column ${column} in ${columns.join(", ")}`).toBeGreaterThanOrEqual(0);
    const tr = table.locator("tbody tr").filter({ has: this.page.getByRole("rowheader", { name: row, exact: true }) });
    return ((await tr.locator("td").nth(col).textContent()) ?? "").trim();
  }

  async filterBy(filter: SliceFilter) {
    const form = this.page.getByRole("form", { name: "Filter by audience" });
    for (const [key, value] of Object.entries(filter)) {
      await chooseFilter(form, key as keyof SliceFilter, value!);
      await this.page.waitForURL(new RegExp(`${key}=`));
    }
    // The board is refetched in place: wait for the new one (a first fit after start can be slow on a busy machine).
    await expect(this.page.getByTestId("board")).toHaveAttribute("aria-busy", "false", { timeout: 30_000 });
    await expect(this.page.getByTestId("slice-summary")).toBeVisible();
  }
}

/** Two audiences side by side. */
export class SliceComparisonPage {
  constructor(readonly page: Page) {}

  /** Streamed pages are briefly rendered twice (once in a hidden holder); read the one in <main>. */
  get main(): Locator {
    return this.page.getByRole("main");
  }

  async open(query = "") {
    await this.page.goto(`/leaderboard/compare${query ? `?${query}` : ""}`);
    await expect(this.main.getByTestId("side-a")).toBeVisible();
  }

  side(name: "A" | "B"): Locator {
    return this.main.getByTestId(`side-${name.toLowerCase()}`);
  }

  async sliceOf(name: "A" | "B"): Promise<string> {
    return ((await this.side(name).getByTestId("side-slice").textContent()) ?? "").trim();
  }

  async votesOf(name: "A" | "B"): Promise<number> {
    return readNumber(await this.side(name).getByTestId("side-votes").textContent());
  }

  async chooseFor(name: "A" | "B", filter: SliceFilter) {
    const form = this.page.getByRole("form", { name: `Audience ${name}` });
    for (const [key, value] of Object.entries(filter)) {
      await chooseFilter(form, key as keyof SliceFilter, value!);
      await this.page.waitForURL(new RegExp(`${name.toLowerCase()}\\.${key}=`));
    }
  }

  /** Per model: A's rating, B's rating and the difference as shown (null where the cell says there is none). */
  async rows(): Promise<{ model: string; a: number | null; b: number | null; difference: number | null }[]> {
    const rows = this.main.getByTestId("comparison").locator("tbody tr");
    const result = [];
    for (const row of await rows.all()) {
      const cell = async (col: string) => {
        const text = await row.locator(`[data-col="${col}"]`).innerText();
        return /\d/.test(text) && !/not enough/.test(text) ? readNumber(text) : null;
      };
      result.push({
        model: ((await row.locator("a").first().textContent()) ?? "").trim(),
        a: await cell("a-rating"),
        b: await cell("b-rating"),
        difference: await cell("difference"),
      });
    }
    return result;
  }
}

/** One model's page. */
export class ModelProfilePage {
  constructor(readonly page: Page) {}

  /** Streamed pages are briefly rendered twice (once in a hidden holder); read the one in <main>. */
  get main(): Locator {
    return this.page.getByRole("main");
  }

  async open(name: string) {
    return this.page.goto(`/models/${encodeURIComponent(name)}`);
  }

  async overallRating(): Promise<number> {
    return readNumber(await this.main.getByTestId("overall-rating").textContent());
  }

  async overallVotes(): Promise<number> {
    return readNumber(await this.main.getByTestId("overall-votes").textContent());
  }

  /** Head-to-head rows: opponent and battles (0 where they never met). */
  async headToHead(): Promise<{ opponent: string; battles: number; winFraction: string }[]> {
    const rows = this.main.getByTestId("head-to-head").locator("tbody tr");
    const result = [];
    for (const row of await rows.all()) {
      const battles = row.locator('[data-col="battles"]');
      const hasBattles = (await battles.count()) > 0;
      result.push({
        opponent: ((await row.getByRole("rowheader").textContent()) ?? "").trim(),
        battles: hasBattles ? readNumber(await battles.textContent()) : 0,
        winFraction: hasBattles ? ((await row.locator('[data-col="win-fraction"]').textContent()) ?? "").trim() : "",
      });
    }
    return result;
  }

  /** The model's rating in one audience (e.g. attribute "region", label "Americas"), or null when not rated there. */
  async audienceRating(attribute: string, label: string): Promise<number | null> {
    const row = this.main
      .getByTestId(`audience-${attribute}`)
      .locator("tbody tr")
      .filter({ has: this.page.getByRole("rowheader", { name: label, exact: true }) });
    if ((await row.count()) === 0) return null;
    // innerText keeps the line break between the rating and its interval beneath.
    return readNumber(await row.locator('[data-col="rating"]').innerText());
  }
}
