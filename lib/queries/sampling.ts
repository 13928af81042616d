import "server-only";
import { randomInt } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Visibility } from "@/lib/generated/prisma/enums";
import type { Policy } from "@/lib/policy";
import { appearanceProbabilities, drawFromPlan, planSampling, samplingRecord, type SamplingPlan } from "@/lib/sampling/weights";
import { getVoteIndex, getVoteIndexWithoutWaiting, type VoteIndex } from "@/lib/slice-index/vote-index";
import { getCachedPolicy, getPolicy } from "./policy";

/** A model the arena may draw (the caller has already left out paused, deprecated and unavailable ones). */
export interface SamplingCandidate {
  id: string;
  name: string;
  organization: string;
  visibility: Visibility;
  samplingWeight: number;
}

/** A uniform number in [0, 1) from the crypto generator (48 bits). */
function cryptoRandom(): number {
  return randomInt(0, 2 ** 47) / 2 ** 47;
}

async function plan(
  candidates: readonly SamplingCandidate[],
  reads: { policy: Promise<Policy>; index: Promise<VoteIndex> },
): Promise<SamplingPlan> {
  const [policy, idx] = await Promise.all([reads.policy, reads.index]);
  const votesOf = (id: string) => idx.pairs.model(idx.modelCodeOf(id));
  return planSampling(
    candidates.map((c) => ({
      id: c.id,
      organization: c.organization,
      visibility: c.visibility,
      samplingWeight: c.samplingWeight,
      votes: votesOf(c.id),
    })),
    (a, b) => idx.pairs.pair(idx.modelCodeOf(a), idx.modelCodeOf(b)),
    { targetVotes: policy.samplingTargetVotes, maxBoost: policy.samplingMaxBoost },
  );
}

/**
 * Draws the pair for a new battle under the published sampling rule (lib/sampling/weights.ts):
 * under-voted models and pairs are favoured within the policy's limits, two private-testing
 * variants of one organization never meet, and the sides are a fair coin. Vote counts come from
 * the in-memory vote index as held (refreshed in the background), the limits from the policy as
 * cached for a few seconds (getCachedPolicy). Returns the left (A) and right
 * (B) model ids and the record to store in Battle.sampling. Throws no_models when no pair may be
 * drawn.
 */
export async function drawPair(candidates: SamplingCandidate[]): Promise<{ left: string; right: string; sampling: Prisma.InputJsonValue }> {
  // The counts may be a moment old (see getVoteIndexWithoutWaiting): a start must not queue behind every vote's sync.
  const p = await plan(candidates, { policy: getCachedPolicy(), index: getVoteIndexWithoutWaiting() });
  const drawn = drawFromPlan(p, cryptoRandom);
  if (!drawn) throw new AppError("no_models", "No two models are available for a battle right now. Please try again later.");
  return { left: drawn.left.id, right: drawn.right.id, sampling: samplingRecord(p, drawn) as Prisma.InputJsonValue };
}

export interface SamplingTableRow {
  /** Null for a private-testing variant (its codename is not published). */
  name: string | null;
  organization: string;
  visibility: Visibility;
  samplingWeight: number;
  votes: number;
  boost: number;
  weight: number;
  /** Probability of taking part in the next battle. */
  probability: number;
}

export interface SamplingTable {
  rows: SamplingTableRow[];
  params: SamplingPlan["params"];
  allowedPairs: number;
}

/**
 * The live sampling weights for the methodology page: every active model (public or private
 * testing, with a positive admin weight) with its boost, weight and chance of being in the next
 * battle. Models whose provider is not available right now are still listed (the arena leaves
 * them out when drawing).
 */
export async function getSamplingTable(): Promise<SamplingTable> {
  const models = await db().model.findMany({
    where: { status: "ACTIVE", visibility: { in: ["PUBLIC", "PRIVATE_TESTING"] } },
    select: { id: true, name: true, displayName: true, organization: true, visibility: true, samplingWeight: true },
    orderBy: [{ organization: "asc" }, { displayName: "asc" }],
  });
  const p = await plan(models, { policy: getPolicy(), index: getVoteIndex() });
  const chance = appearanceProbabilities(p);
  const rows = p.models
    .map((m, i) => {
      const model = models[i];
      return {
        name: model.visibility === "PUBLIC" ? model.displayName : null,
        organization: model.organization,
        visibility: model.visibility,
        samplingWeight: m.samplingWeight,
        votes: m.votes,
        boost: m.boost,
        weight: m.weight,
        probability: chance[i],
      };
    })
    .sort((a, b) => b.probability - a.probability);
  return { rows, params: p.params, allowedPairs: p.pairs.length };
}
