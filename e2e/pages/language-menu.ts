import { expect, type Page } from "@playwright/test";

/** The header's interface-language menu button (its name is translated, so found by test id). */
export const languageMenu = (page: Page) => page.getByRole("banner").getByTestId("language-menu");

/** Opens the interface-language menu and chooses a language by its code; waits for the page to speak it. */
export async function chooseInterfaceLanguage(page: Page, code: string) {
  await languageMenu(page).click();
  await page.getByTestId("language-list").locator(`button[lang="${code}"]`).click();
  await expect(page.locator("html")).toHaveAttribute("lang", code);
}
