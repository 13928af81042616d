import { expect, type Page } from "@playwright/test";

export type Choice = "A" | "B" | "TIE" | "BOTH_BAD";
const BUTTON: Record<Choice, string> = { A: "A is better", B: "B is better", TIE: "Tie", BOTH_BAD: "Both are bad" };
const SHORTCUT: Record<Choice, string> = { A: "1", B: "2", TIE: "3", BOTH_BAD: "4" };

/** The contributor's side of the product: sign up, profile, arena. */
export class ContributorSession {
  constructor(readonly page: Page) {}

  async signUp(email: string, password: string) {
    await this.page.goto("/signup");
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel(/Password/).fill(password);
    await this.page.getByRole("button", { name: "Create account" }).click();
    await this.page.waitForURL(/\/profile/);
  }

  async completeProfile(profile: { country: string; ageBand: string; education: string; language: string }) {
    await this.page.getByLabel("Country you live in").selectOption(profile.country);
    await this.page.getByLabel("Age", { exact: true }).selectOption(profile.ageBand);
    await this.page.getByLabel("Highest education completed").selectOption(profile.education);
    await this.page.getByLabel("Main language").selectOption(profile.language);
    await this.page.getByRole("button", { name: /Save/ }).click();
  }

  /** A new contributor with a complete profile, landed on the arena. */
  async joinAsNewContributor(prefix: string) {
    await this.signUp(`${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`, "a good long password");
    await this.completeProfile({ country: "GB", ageBand: "25-34", education: "bachelor", language: "en" });
    await this.page.waitForURL((url) => url.pathname === "/arena");
  }

  /** Opens the arena on a battle (taking a sampled prompt when the page offers a choice). */
  async openArena() {
    await this.page.goto("/arena");
    const sample = this.page.getByRole("button", { name: /Get a (sampled )?prompt/ });
    await expect(this.page.getByTestId("response-A").or(sample)).toBeVisible();
    if (await sample.isVisible()) await sample.click();
    await expect(this.page.getByTestId("response-A")).toBeVisible();
  }

  /** Opens the arena expecting the prompt form (live models available). */
  async openPromptForm() {
    await this.page.goto("/arena");
    await expect(this.page.getByLabel("Your prompt")).toBeVisible();
  }

  async startWithPrompt(text: string) {
    await this.page.getByLabel("Your prompt").fill(text);
    await this.page.getByRole("button", { name: "Start battle" }).click();
  }

  /** Waits until both answers are fully shown (the vote buttons are enabled only then). */
  async waitForAnswers() {
    await expect(this.page.getByRole("button", { name: BUTTON.A, exact: true })).toBeEnabled({ timeout: 20_000 });
  }

  async skipPrompt(previousPrompt: string) {
    await this.page.getByRole("button", { name: "Skip this prompt" }).click();
    await expect(this.page.getByTestId("prompt")).not.toHaveText(previousPrompt);
  }

  /**
   * Votes and returns the revealed "name · organization" of A and B, and whether the reveal says the
   * vote is left out of the leaderboard because a response named a roster model (a model that other
   * specs add can make an ordinary word, such as a replay answer's "Echo", a roster term).
   */
  async vote(choice: Choice, how: "click" | "keyboard" = "click"): Promise<{ a: string; b: string; prompt: string; leak: boolean }> {
    const prompt = (await this.page.getByTestId("prompt").textContent()) ?? "";
    await this.waitForAnswers();
    if (how === "keyboard") await this.page.keyboard.press(SHORTCUT[choice]);
    else await this.page.getByRole("button", { name: BUTTON[choice], exact: true }).click();
    await expect(this.page.getByTestId("reveal")).toBeVisible();
    return {
      a: (await this.page.getByTestId("model-A").textContent()) ?? "",
      b: (await this.page.getByTestId("model-B").textContent()) ?? "",
      prompt,
      leak: (await this.page.getByTestId("leak-notice").count()) > 0,
    };
  }

  /** Moves on to a new sampled battle (through the prompt form when live models offer one). */
  async nextBattle(previousPrompt: string) {
    await this.page.getByRole("button", { name: "Next battle" }).click();
    await expect(this.page.getByTestId("reveal")).toHaveCount(0);
    const sample = this.page.getByRole("button", { name: "Get a sampled prompt instead" });
    await expect(this.page.getByTestId("prompt").or(sample)).toBeVisible();
    if (await sample.isVisible()) await sample.click();
    await expect(this.page.getByTestId("prompt")).not.toHaveText(previousPrompt);
  }
}
