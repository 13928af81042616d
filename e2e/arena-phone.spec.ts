import { devices, expect, test, type Locator } from "@playwright/test";
import { ContributorSession } from "./pages/arena-page";
import { ECHO_MARKER, withTwoLiveModels } from "./support/live-models";

// A phone (390×844, touch): the arena must be usable without zooming or hunting for the vote.
test.use({ ...devices["Pixel 5"], viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, channel: undefined });
withTwoLiveModels(test, "phone");

// A long answer: many paragraphs, a wide table and a long code line.
const LONG_ANSWER = [
  "## A long answer",
  ...Array.from({ length: 14 }, (_, i) => `Paragraph ${i + 1}: ${"a reasonably long sentence that wraps on a phone screen. ".repeat(3)}`),
  "| Column one | Column two | Column three | Column four | Column five |",
  "| --- | --- | --- | --- | --- |",
  "| a fairly wide cell | another wide cell | yet another cell | and one more | the last one |",
  "```js",
  `const longLine = ${JSON.stringify("x".repeat(200))};`,
  "```",
].join("\n\n");

type Box = { x: number; y: number; width: number; height: number };
async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  expect(b, "element has a box").not.toBeNull();
  return b!;
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inViewport = (b: Box, width: number, height: number) =>
  b.x >= 0 && b.y >= 0 && b.x + b.width <= width + 0.5 && b.y + b.height <= height + 0.5;

test("on a phone the answers are stacked, nothing overflows sideways, and the vote bar stays in reach", async ({ page }) => {
  const me = new ContributorSession(page);
  await me.joinAsNewContributor("phone");
  await me.openPromptForm();
  await me.startWithPrompt(ECHO_MARKER + LONG_ANSWER);
  await me.waitForAnswers();
  await page.evaluate(() => window.scrollTo(0, 0));

  // Stacked: B starts below A's bottom, both nearly full width.
  const [a, b] = [await box(page.getByTestId("response-A")), await box(page.getByTestId("response-B"))];
  expect(b.y).toBeGreaterThanOrEqual(a.y + a.height);
  expect(a.width).toBeGreaterThan(330);
  expect(b.width).toBeGreaterThan(330);
  // No horizontal overflow: wide tables and code scroll inside their own boxes.
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
  // The answers are long (the page is taller than the screen) ...
  expect(await page.evaluate(() => document.scrollingElement!.scrollHeight)).toBeGreaterThan(844 * 1.5);

  // ... yet all four vote buttons are on screen without scrolling, side by side without overlap.
  const buttons = page.getByTestId("vote-bar").getByRole("button");
  await expect(buttons).toHaveCount(4);
  const boxes = await Promise.all([0, 1, 2, 3].map((i) => box(buttons.nth(i))));
  for (const [i, button] of boxes.entries()) {
    expect(inViewport(button, 390, 844), `vote button ${i + 1} inside the viewport: ${JSON.stringify(button)}`).toBe(true);
    expect(button.height).toBeGreaterThanOrEqual(40); // a comfortable touch target
    for (const other of boxes.slice(i + 1)) expect(overlaps(button, other)).toBe(false);
  }
  // Half-way down, still in reach.
  await page.evaluate(() => window.scrollTo(0, document.scrollingElement!.scrollHeight / 2));
  for (let i = 0; i < 4; i++) expect(inViewport(await box(buttons.nth(i)), 390, 844)).toBe(true);
  // At the very end the bar sits below the answers, covering none of B.
  await page.evaluate(() => window.scrollTo(0, document.scrollingElement!.scrollHeight));
  const [bar, lastB] = [await box(page.getByTestId("vote-bar")), await box(page.getByTestId("response-B"))];
  expect(bar.y).toBeGreaterThanOrEqual(lastB.y + lastB.height);

  // No keyboard hints on a touch screen.
  for (const hint of await page.getByTestId("shortcut-hint").all()) await expect(hint).toBeHidden();
  await expect(page.getByText("Keyboard: 1 = A is better")).toBeHidden();

  // Long answers are named regions a keyboard (or switch access) can reach.
  for (const side of ["A", "B"]) {
    const region = page.getByRole("region", { name: `Response ${side}`, exact: true });
    await expect(region).toHaveAttribute("tabindex", "0");
  }

  // Voting by touch works and the reveal comes into view.
  await buttons.nth(0).tap();
  await expect(page.getByTestId("reveal")).toBeInViewport();
});

test("on a desktop the same arena shows the keyboard hints", async ({ browser }, testInfo) => {
  // browser.newContext() inherits this file's phone options (test.use): a desktop has no touch screen.
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    viewport: { width: 1366, height: 900 },
    isMobile: false,
    hasTouch: false,
    userAgent: undefined,
  });
  const page = await context.newPage();
  const me = new ContributorSession(page);
  await me.joinAsNewContributor("desktop-hints");
  await me.openPromptForm();
  await me.startWithPrompt("Say something short.");
  await me.waitForAnswers();
  await expect(page.getByText("Keyboard: 1 = A is better")).toBeVisible();
  await expect(page.getByTestId("shortcut-hint").first()).toBeVisible();
  await context.close();
});
