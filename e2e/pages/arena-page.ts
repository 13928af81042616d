import { expect, type Page } from "@playwright/test";

export type Choice = "A" | "B" | "TIE" | "BOTH_BAD";
const BUTTON: Record<Choice, string> = { A: "A is better", B: "B is better", TIE: "Tie", BOTH_BAD: "Both are bad" };

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

  async openArena() {
    await this.page.goto("/arena");
    await expect(this.page.getByTestId("response-A")).toBeVisible();
  }

  /** Votes and returns the revealed "name · organization" of A and B. */
  async vote(choice: Choice): Promise<{ a: string; b: string; prompt: string }> {
    const prompt = (await this.page.getByTestId("prompt").textContent()) ?? "";
    await this.page.getByRole("button", { name: BUTTON[choice], exact: true }).click();
    await expect(this.page.getByTestId("reveal")).toBeVisible();
    return {
      a: (await this.page.getByTestId("model-A").textContent()) ?? "",
      b: (await this.page.getByTestId("model-B").textContent()) ?? "",
      prompt,
    };
  }

  async nextBattle(previousPrompt: string) {
    await this.page.getByRole("button", { name: "Next battle" }).click();
    await expect(this.page.getByTestId("reveal")).toHaveCount(0);
    await expect(this.page.getByTestId("prompt")).not.toHaveText(previousPrompt);
  }
}
