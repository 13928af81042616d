import type { Page } from "@playwright/test";

/**
 * Charts and heatmaps below the fold render only when the reader scrolls near them (components/charts/near-viewport).
 * Scrolls each waiting box into view, one at a time, until none is waiting and each has rendered its content, then
 * back to the top of the page.
 */
export async function revealLazy(page: Page): Promise<void> {
  const waiting = page.locator('[data-lazy="waiting"]');
  for (let i = 0; i < 20 && (await waiting.count()) > 0; i++) {
    const box = await waiting.first().elementHandle();
    if (!box) break;
    await box.scrollIntoViewIfNeeded();
    // shown, and its chunk loaded and rendered (until then the box is empty)
    await page.waitForFunction((el) => (el as HTMLElement).dataset.lazy === "shown" && el.childElementCount > 0, box);
    await box.dispose();
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}
