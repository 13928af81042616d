import { expect, type Page } from "@playwright/test";

/** The public leaderboard, read the way a person reads it. */
export class LeaderboardPage {
  constructor(readonly page: Page) {}

  async open(query = "") {
    await this.page.goto(`/leaderboard${query ? `?${query}` : ""}`);
    await expect(this.page.getByTestId("slice-summary")).toBeVisible();
  }

  async totalVotes(): Promise<number> {
    return Number(await this.page.getByTestId("slice-votes").textContent());
  }

  /** Votes shown in a model's row, by its display name. */
  async votesOf(displayName: string): Promise<number> {
    const row = this.page.getByTestId("leaderboard").locator("tr", { hasText: displayName });
    return Number(await row.locator('[data-col="votes"]').textContent());
  }

  async filterBy(filter: { region?: string; country?: string; age?: string; education?: string; language?: string }) {
    const form = this.page.getByRole("form", { name: "Filter by audience" });
    for (const [key, value] of Object.entries(filter)) {
      const label = { region: "Region", country: "Country", age: "Age", education: "Education", language: "Language" }[key]!;
      await form.getByLabel(label, { exact: true }).selectOption(value!);
      await this.page.waitForURL(new RegExp(`${key}=`));
    }
    await expect(this.page.getByTestId("slice-summary")).toBeVisible();
  }
}
