import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { ContributorSession } from "./pages/arena-page";
import { ECHO_MARKER, withTwoLiveModels } from "./support/live-models";

// Answers are model output, i.e. untrusted: they render as markdown, safely (components/markdown).
withTwoLiveModels(test, "markdown");

const CODE =
  'def greet(name):\n    """Say hello."""\n    return f"Hello, {name}!"  # a comment that makes this line long enough to scroll inside its block on any screen';
const MARKDOWN_ANSWER = [
  "## Plan",
  "",
  "Here is **bold** and a [reference](https://example.com/docs).",
  "",
  "| Language | Typing |",
  "| --- | --- |",
  "| Python | dynamic |",
  "| Rust | static |",
  "",
  "- [x] write the code",
  "- [ ] test it",
  "",
  "```python",
  CODE,
  "```",
].join("\n");

test("an answer in markdown shows a table, a task list and highlighted code with a working copy button", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const me = new ContributorSession(page);
  await me.joinAsNewContributor("markdown");
  await me.openPromptForm();
  await me.startWithPrompt(ECHO_MARKER + MARKDOWN_ANSWER);
  await me.waitForAnswers();

  const answer = page.getByTestId("text-A");
  await expect(answer.getByRole("heading", { name: "Plan" })).toBeVisible();
  await expect(answer.locator("strong")).toHaveText("bold");
  await expect(answer).not.toContainText("**");
  // The table, with its header and rows.
  const table = answer.getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveText(["Language", "Typing"]);
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(answer.getByRole("checkbox")).toHaveCount(2);
  await expect(answer.getByRole("checkbox").first()).toBeChecked();

  // Fenced code: highlighted tokens, monospaced, in a named focusable block that scrolls sideways.
  const code = answer.getByRole("region", { name: "Code: python" });
  await expect(code.locator(".hljs-keyword").first()).toHaveText("def");
  await expect(code.locator(".hljs-string").first()).toContainText("Say hello.");
  await expect(code.locator(".hljs-comment")).toHaveCount(1);
  expect(await code.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono|Menlo|Consolas/i);
  const keywordColor = await code
    .locator(".hljs-keyword")
    .first()
    .evaluate((el) => getComputedStyle(el).color);
  expect(keywordColor).not.toBe(await code.evaluate((el) => getComputedStyle(el).color));
  expect(await code.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await code.focus();
  await expect(code).toBeFocused();
  await page.keyboard.press("ArrowRight");
  // The page itself does not scroll sideways: only the block does.
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true);

  // Copy puts the exact code on the clipboard and says so.
  await answer.getByRole("button", { name: "Copy" }).click();
  await expect(answer.getByRole("button", { name: "Copied" })).toBeVisible();
  await expect(answer.getByRole("status")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${CODE}\n`);

  // The link opens in a new tab as user content.
  const link = answer.getByRole("link", { name: "reference" });
  await expect(link).toHaveAttribute("href", "https://example.com/docs");
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", "noopener nofollow ugc");

  // The reveal and history show the same rendering.
  await me.vote("A");
  await expect(page.getByTestId("text-A").getByRole("table")).toBeVisible();
  await page.goto("/history");
  await page.getByText("Show both answers").first().click();
  const history = page.getByTestId("history-answers").first();
  await expect(history.getByRole("table").first()).toBeVisible();
  await expect(history.locator(".hljs-keyword").first()).toHaveText("def");
});

test("a hostile answer runs no script, loads nothing and links nowhere unsafe", async ({ page }) => {
  // A beacon server: any request that reaches it means the answer made the browser load something.
  const hits: string[] = [];
  const beacon = http.createServer((req, res) => {
    hits.push(req.url ?? "");
    res.writeHead(200, { "content-type": "image/gif" }).end();
  });
  await new Promise<void>((resolve) => beacon.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(beacon.address() as AddressInfo).port}`;
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  try {
    const hostile = [
      "Totally normal answer.",
      "",
      "<script>window.__pwned = 'script'; alert('script')</script>",
      `<img src="${origin}/html-img" onerror="window.__pwned = 'onerror'; alert('onerror')">`,
      `![tracking pixel](${origin}/markdown-img.gif)`,
      "![ref-style][px]",
      `[px]: ${origin}/reference-img.gif`,
      "[click me](javascript:window.__pwned='link';alert('link'))",
      "[encoded](&#106;avascript:alert('entity'))",
      "<a href=\"javascript:alert('raw')\">raw link</a>",
      `<iframe src="${origin}/iframe"></iframe>`,
      `<object data="${origin}/object"></object>`,
      `<svg onload="alert('svg')"><image href="${origin}/svg-image"/></svg>`,
      `<style>@import url(${origin}/css);</style>`,
      `<video poster="${origin}/poster"></video>`,
      `<form action="${origin}/form"><button>Submit</button></form>`,
      "",
      `A fine link: [docs](${origin}/docs).`,
    ].join("\n\n"); // blank lines: an HTML block would otherwise swallow the markdown after it

    const me = new ContributorSession(page);
    await me.joinAsNewContributor("hostile");
    await me.openPromptForm();
    await me.startWithPrompt(ECHO_MARKER + hostile);
    await me.waitForAnswers();
    const answers = page.getByTestId("response-A").or(page.getByTestId("response-B"));
    await expect(page.getByTestId("text-A")).toContainText("Totally normal answer.");

    // No element that runs or loads anything came through; the images are links, never <img>.
    expect(await answers.locator("script, img, iframe, object, embed, svg, style, video, form, image").count()).toBe(0);
    expect(
      await answers.evaluateAll((els) =>
        els.flatMap((el) => [...el.querySelectorAll("*")]).flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith("on"))),
      ),
    ).toEqual([]);
    await expect(page.getByTestId("text-A").getByRole("link", { name: "Image (not loaded): tracking pixel" })).toHaveAttribute(
      "href",
      `${origin}/markdown-img.gif`,
    );

    // Every link is http(s), opens a new tab, and carries rel="noopener nofollow ugc".
    const links = await page
      .getByTestId("text-A")
      .locator("a")
      .evaluateAll((els) =>
        els.map((a) => ({ href: a.getAttribute("href") ?? "", rel: a.getAttribute("rel"), target: a.getAttribute("target") })),
      );
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const link of links)
      expect(link).toEqual({ href: expect.stringMatching(/^https?:\/\//), rel: "noopener nofollow ugc", target: "_blank" });
    // The javascript: links are left as text; clicking it does nothing.
    await page.getByTestId("text-A").getByText("click me").click();

    // Voting re-renders the answers (the reveal): still nothing.
    await me.vote("TIE");
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(hits).toEqual([]);

    // History renders the same answers: still nothing.
    await page.goto("/history");
    await page.getByText("Show both answers").first().click();
    await page.waitForLoadState("networkidle");
    expect(await page.getByTestId("history-answers").first().locator("script, img, iframe, object, svg").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(hits).toEqual([]);
  } finally {
    await new Promise<void>((resolve) => beacon.close(() => resolve()));
  }
});
