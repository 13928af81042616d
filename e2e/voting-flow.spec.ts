import fs from "node:fs";
import path from "node:path";
import { expect, test, type Response } from "@playwright/test";
import { ContributorSession } from "./pages/arena-page";
import { LeaderboardPage } from "./pages/leaderboard-page";

const roster = JSON.parse(fs.readFileSync(path.join(process.cwd(), "data/replay/models.json"), "utf8")).models as {
  name: string;
  displayName: string;
  organization: string;
}[];
// Every string that would identify a model: roster names, display names, organizations.
const IDENTIFYING = [...new Set(roster.flatMap((m) => [m.name, m.displayName, m.organization]))];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const PATTERNS = IDENTIFYING.map((s) => ({ s, re: new RegExp(`(?<![A-Za-z0-9])${escape(s)}(?![A-Za-z0-9])`) }));

function namesIn(text: string): string[] {
  return PATTERNS.filter((p) => p.re.test(text)).map((p) => p.s);
}

test("a contributor signs up, votes three times, and moves the leaderboard and its slices", async ({ page, request }) => {
  const board = new LeaderboardPage(page);
  const before = await (await request.get("/api/leaderboard")).json();
  // A country with enough demo voters to be shown: thinner slices withhold their exact counts.
  const beforeCountry = await (await request.get("/api/leaderboard?country=US")).json();
  expect(beforeCountry.belowMinimum).toBe(false);
  expect(before.votes).toBeGreaterThan(0);

  const me = new ContributorSession(page);
  await me.signUp(`voter-${Date.now()}@example.com`, "a good long password");
  await me.completeProfile({ country: "US", ageBand: "25-34", education: "bachelor", language: "pt" });
  await page.waitForURL((url) => url.pathname === "/arena"); // not /profile?next=/arena

  const revealed: { a: string; b: string; prompt: string; leak: boolean }[] = [];
  const choices = ["A", "B", "TIE"] as const;
  for (const [i, choice] of choices.entries()) {
    // Everything the browser received for this battle before the vote: no model may be named.
    const bodies: string[] = [];
    const onResponse = async (r: Response) => {
      const type = r.headers()["content-type"] ?? "";
      // Documents, RSC payloads, JSON and the SSE stream carry battle data; static JS bundles are the same for every battle.
      if (/html|json|x-component|text\/plain|event-stream/.test(type))
        bodies.push(JSON.stringify(r.headers()) + (await r.text().catch(() => "")));
    };
    page.on("response", onResponse);
    if (i === 0) await me.openArena();
    else await me.nextBattle(revealed[i - 1].prompt);
    await expect(page.getByTestId("response-B")).toBeVisible();
    expect(namesIn(await page.content())).toEqual([]);
    page.off("response", onResponse);
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.flatMap(namesIn)).toEqual([]);

    const result = await me.vote(choice);
    expect(result.a).toMatch(/ · /);
    expect(result.b).toMatch(/ · /);
    expect(result.a).not.toEqual(result.b);
    revealed.push(result);
  }

  await page.goto("/profile");
  await expect(page.getByTestId("vote-count")).toHaveText("You have cast 3 votes.");

  // A vote whose reveal said a response named a roster model is kept but left out of every board.
  const counted = revealed.filter((r) => !r.leak);
  expect(counted.length).toBeGreaterThan(0);
  await board.open();
  expect(await board.totalVotes()).toBe(before.votes + counted.length);
  const first = counted[0].a.split(" · ")[0];
  const firstBefore = before.rows.find((r: { displayName: string }) => r.displayName === first).votes;
  expect(await board.votesOf(first)).toBeGreaterThanOrEqual(firstBefore + 1);
  await expect(page.getByTestId("demo-notice")).toBeVisible();
  // The data policy is stated where the board is shown: the holdout and the date released data ends.
  const released = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
  await expect(page.getByTestId("data-policy-notice")).toContainText(`Votes from the last 60 days are held out of every data export`);
  await expect(page.getByTestId("data-policy-notice")).toContainText(released);

  await board.filterBy({ country: "US" });
  await expect(page).toHaveURL(/country=US/);
  await expect(page.getByTestId("slice-summary")).toContainText("United States");
  expect(await board.totalVotes()).toBe(beforeCountry.votes + counted.length);

  await board.open();
  await board.filterBy({ language: "en" });
  await expect(page.getByTestId("slice-summary")).toContainText("English");
  await expect(page.getByTestId("leaderboard")).toBeVisible();
  const englishVotes = await board.totalVotes();
  expect(englishVotes).toBeGreaterThan(0);
  expect(englishVotes).toBeLessThan(before.votes);
});
