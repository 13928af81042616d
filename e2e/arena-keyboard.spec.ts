import { expect, test, type Locator, type Page } from "@playwright/test";
import { ContributorSession } from "./pages/arena-page";
import { withTwoLiveModels } from "./support/live-models";

// A keyboard-only contributor: Tab, typing, Enter and the 1–4 shortcuts; never the mouse.
withTwoLiveModels(test, "keyboard");

/** Presses Tab until `target` has the focus (at most `max` times), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

test("a keyboard alone starts a battle, reads both answers, votes, reaches the reveal and the next battle", async ({ page }) => {
  const me = new ContributorSession(page);
  await me.joinAsNewContributor("keyboard");
  await me.openPromptForm();
  const header = page.getByTestId("header-user");
  await expect(header).toContainText("0 votes");

  // Type a prompt and start.
  await tabTo(page, page.getByLabel("Your prompt"));
  await page.keyboard.type("Explain tides in two points.");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Start battle" })).toBeFocused();
  await page.keyboard.press("Enter");
  // The new battle takes the focus (its prompt heading), not the page body.
  await expect(page.getByTestId("battle-heading")).toBeFocused();
  await me.waitForAnswers();

  // Both answers are reachable named regions, then the choices.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("region", { name: "Response A", exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("region", { name: "Response B", exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "A is better", exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "B is better", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");

  // The reveal takes the focus, and the header counts the vote without a reload.
  const reveal = page.getByRole("region", { name: "Who wrote which answer" });
  await expect(reveal).toBeFocused();
  await expect(page.getByTestId("reveal")).toContainText("Echolab");
  await expect(header).toContainText("1 vote");

  // Next battle: the prompt form's field takes the focus.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Next battle" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Your prompt")).toBeFocused();

  // A sampled prompt this time, and a vote by shortcut.
  await tabTo(page, page.getByRole("button", { name: "Get a sampled prompt instead" }), 5);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("battle-heading")).toBeFocused();
  await me.waitForAnswers();
  await page.keyboard.press("3");
  await expect(reveal).toBeFocused();
  await expect(header).toContainText("2 votes");

  // The count is the server's: a reload agrees.
  await page.reload();
  await expect(header).toContainText("2 votes");
});
