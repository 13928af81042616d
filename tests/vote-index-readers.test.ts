import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { seedRoster } from "../lib/seed";
import { getVoteIndex, getVoteIndexWithoutWaiting, markVotesChanged } from "../lib/slice-index/vote-index";
import { resetDatabase } from "./support/database";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  await resetDatabase();
  await seedRoster();
  const [a, b] = await db().model.findMany({ select: { id: true }, orderBy: { name: "asc" }, take: 2 });
  await db().vote.create({ data: { voterKey: "reader-1", modelAId: a.id, modelBId: b.id, outcome: "A", source: "IMPORT" } });
  markVotesChanged();
});

describe("readers of the process's vote index under a stream of votes", () => {
  it("a reader that must see earlier writes is answered while other requests keep voting (no starvation)", async () => {
    await getVoteIndex(0);
    // Votes keep arriving: one on every turn of the event loop, so every sync sees a newer one.
    let isVoting = true;
    const vote = () => {
      markVotesChanged();
      if (isVoting) setImmediate(vote);
    };
    vote();
    try {
      const outcome = await Promise.race([getVoteIndex().then(() => "answered"), sleep(5000).then(() => "still waiting after 5 s")]);
      expect(outcome).toBe("answered");
    } finally {
      isVoting = false;
    }
  });

  it("a reader that may see a moment-old view is answered at once, without waiting for a sync in flight", async () => {
    await getVoteIndex(0);
    markVotesChanged();
    const order: string[] = [];
    const syncing = getVoteIndex(0).then(() => order.push("sync finished"));
    const index = await getVoteIndexWithoutWaiting(0).then((i) => (order.push("stale reader answered"), i));
    await syncing;
    expect(order).toEqual(["stale reader answered", "sync finished"]);
    expect(index.scan).toBeTypeOf("function");
  });
});
