import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";

export type SharePeriod = "month" | "week";

/** One organization's data access over time: counts and shares per period. */
export interface OrganizationShare {
  organization: string;
  battles: number[];
  prompts: number[];
  /** Battles with one of its models / all battles in the period (0 when none). */
  battleShare: number[];
  /** Distinct prompts its models answered / all distinct prompts in the period. */
  promptShare: number[];
  totalBattles: number;
  totalPrompts: number;
  totalBattleShare: number;
  totalPromptShare: number;
}

export interface DataShare {
  period: SharePeriod;
  /** Period starts, YYYY-MM-DD (UTC), oldest first. */
  periods: string[];
  totals: { battles: number[]; prompts: number[]; allBattles: number; allPrompts: number };
  organizations: OrganizationShare[];
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/**
 * Each provider's share of battles and of prompts per month or week. A battle is an arena battle
 * (any state: the provider saw the prompt) or an imported/demo vote (a battle without a stored
 * prompt, so it counts for battles only). Shares are of all battles (prompts) in the period; a
 * battle between two models of one organization counts once for it.
 */
export async function getDataShare(period: SharePeriod = "month"): Promise<DataShare> {
  const unit = Prisma.raw(period === "week" ? "'week'" : "'month'");
  const rows = await db().$queryRaw<{ period: Date; organization: string | null; battles: bigint; prompts: bigint }[]>`
    WITH b AS (
      SELECT date_trunc(${unit}, v."createdAt" AT TIME ZONE 'UTC') AS period, v."modelAId" AS a, v."modelBId" AS b, NULL::text AS prompt, 'v' || v.seq::text AS id
      FROM "Vote" v WHERE v."battleId" IS NULL
      UNION ALL
      SELECT date_trunc(${unit}, t."createdAt" AT TIME ZONE 'UTC'), t."modelAId", t."modelBId", t."promptId", t.id
      FROM "Battle" t
    ),
    per_org AS (
      SELECT b.period, m.organization, b.id, b.prompt
      FROM b JOIN "Model" m ON m.id IN (b.a, b.b)
    )
    SELECT period, organization, count(DISTINCT id) AS battles, count(DISTINCT prompt) AS prompts FROM per_org GROUP BY period, organization
    UNION ALL
    SELECT period, NULL, count(*), count(DISTINCT prompt) FROM b GROUP BY period
    ORDER BY 1`;
  const periods = [...new Set(rows.map((r) => r.period.toISOString().slice(0, 10)))].sort();
  const index = new Map(periods.map((p, i) => [p, i]));
  const totals = { battles: periods.map(() => 0), prompts: periods.map(() => 0), allBattles: 0, allPrompts: 0 };
  const orgs = new Map<string, { battles: number[]; prompts: number[] }>();
  for (const r of rows) {
    const i = index.get(r.period.toISOString().slice(0, 10))!;
    if (r.organization === null) {
      totals.battles[i] = Number(r.battles);
      totals.prompts[i] = Number(r.prompts);
      continue;
    }
    const org = orgs.get(r.organization) ?? { battles: periods.map(() => 0), prompts: periods.map(() => 0) };
    org.battles[i] = Number(r.battles);
    org.prompts[i] = Number(r.prompts);
    orgs.set(r.organization, org);
  }
  const [all] = await db().$queryRaw<{ battles: bigint; prompts: bigint }[]>`
    SELECT (SELECT count(*) FROM "Vote" WHERE "battleId" IS NULL) + (SELECT count(*) FROM "Battle") AS battles,
           (SELECT count(DISTINCT "promptId") FROM "Battle") AS prompts`;
  totals.allBattles = Number(all.battles);
  totals.allPrompts = Number(all.prompts);
  // Over the whole range a prompt answered in two periods counts once.
  const promptsByOrg = await db().$queryRaw<{ organization: string; prompts: bigint }[]>`
    SELECT m.organization, count(DISTINCT t."promptId") AS prompts FROM "Battle" t JOIN "Model" m ON m.id IN (t."modelAId", t."modelBId") GROUP BY m.organization`;
  const orgPrompts = new Map(promptsByOrg.map((r) => [r.organization, Number(r.prompts)]));
  const organizations = [...orgs.entries()].map(([organization, o]) => {
    const totalBattles = o.battles.reduce((s, x) => s + x, 0);
    const totalPrompts = orgPrompts.get(organization) ?? 0;
    return {
      organization,
      battles: o.battles,
      prompts: o.prompts,
      battleShare: o.battles.map((x, i) => ratio(x, totals.battles[i])),
      promptShare: o.prompts.map((x, i) => ratio(x, totals.prompts[i])),
      totalBattles,
      totalPrompts,
      totalBattleShare: ratio(totalBattles, totals.allBattles),
      totalPromptShare: ratio(totalPrompts, totals.allPrompts),
    };
  });
  organizations.sort((x, y) => y.totalBattleShare - x.totalBattleShare || x.organization.localeCompare(y.organization));
  return { period, periods, totals, organizations };
}
