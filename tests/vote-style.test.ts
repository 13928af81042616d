import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { createBattle } from "../lib/queries/battles";
import { recordVote } from "../lib/queries/votes";
import { markdownCounts } from "../lib/style/features";
import { createContributor, resetDatabase } from "./support/database";

beforeAll(resetDatabase);

describe("style of arena votes", () => {
  it("a vote on a replayed battle carries both answers' tokens and markdown counts, as imports carry conv_metadata", async () => {
    const user = await createContributor();
    const battle = await createBattle(user.id);
    await recordVote({ battleId: battle.id, userId: user.id, outcome: "A" });
    const row = await db().battle.findUniqueOrThrow({
      where: { id: battle.id },
      select: { responseA: true, responseB: true, featuresA: true, featuresB: true },
    });
    const vote = await db().vote.findUniqueOrThrow({
      where: { battleId: battle.id },
      select: { tokensA: true, tokensB: true, headersA: true, headersB: true, listsA: true, listsB: true, boldA: true, boldB: true },
    });
    const [a, b] = [markdownCounts(row.responseA), markdownCounts(row.responseB)];
    expect(vote).toEqual({
      tokensA: (row.featuresA as { tokens: number }).tokens,
      tokensB: (row.featuresB as { tokens: number }).tokens,
      headersA: a.headers,
      headersB: b.headers,
      listsA: a.lists,
      listsB: b.lists,
      boldA: a.bold,
      boldB: b.bold,
    });
    expect(vote.tokensA).toBeGreaterThan(0);
  });

  it("a battle stored without features (before they existed), or with a record that is not one, gives unknown style", async () => {
    const user = await createContributor();
    const battle = await createBattle(user.id);
    await db().$executeRaw`UPDATE "Battle" SET "featuresA" = NULL, "featuresB" = '{"not": "features"}'::jsonb WHERE id = ${battle.id}`;
    await recordVote({ battleId: battle.id, userId: user.id, outcome: "B" });
    expect(
      await db().vote.findUniqueOrThrow({ where: { battleId: battle.id }, select: { tokensA: true, tokensB: true, boldB: true } }),
    ).toEqual({
      tokensA: null,
      tokensB: null,
      boldB: null,
    });
  });
});
