import "server-only";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { DEFAULT_POLICY, type Policy } from "@/lib/policy";
import { recordAudit, type Actor } from "./audit";

const columns = {
  holdoutDays: true,
  minSliceVoters: true,
  minModelVotes: true,
  bootstrapRounds: true,
  bootstrapSeed: true,
  privateVariantCap: true,
  battlesPerHourPerUser: true,
  votesPerHourPerUser: true,
  battlesPerHourPerIp: true,
  votesPerHourPerIp: true,
  samplingTargetVotes: true,
  samplingMaxBoost: true,
  profileChangeDays: true,
  signupsPerHourPerIp: true,
  signInFailuresPerHourPerUser: true,
  signInFailuresPerHourPerIp: true,
  requireVerifiedEmail: true,
  excludeReplayVotes: true,
} as const;

/** The current data policy (the defaults until an admin first saves it). */
export async function getPolicy(): Promise<Policy> {
  const row = await db().policySettings.findUnique({ where: { id: 1 }, select: columns });
  return row ?? DEFAULT_POLICY;
}

const globalForPolicy = globalThis as unknown as { showdownPolicy?: { read: Promise<Policy>; at: number } };

/**
 * The data policy as read at most SHOWDOWN_POLICY_CACHE_SECONDS ago by this process, for the hot
 * paths that need it on every request (rate limits, pair sampling): one query fewer in each battle
 * start and vote. A change saved through this process is seen at once; one saved through another
 * replica within that many seconds. Pages and exports read getPolicy().
 */
export async function getCachedPolicy(): Promise<Policy> {
  const ttlMs = serverEnv().SHOWDOWN_POLICY_CACHE_SECONDS * 1000;
  const cached = globalForPolicy.showdownPolicy;
  if (cached && Date.now() - cached.at < ttlMs) return cached.read;
  const entry = { read: getPolicy(), at: Date.now() };
  globalForPolicy.showdownPolicy = entry;
  // a failed read is not kept
  entry.read.catch(() => {
    if (globalForPolicy.showdownPolicy === entry) globalForPolicy.showdownPolicy = undefined;
  });
  return entry.read;
}

/** Saves the policy and records the change (before and after) in the audit log. */
export async function updatePolicy(next: Policy, actor: Actor): Promise<Policy> {
  const result = await db().$transaction(async (tx) => {
    const before = (await tx.policySettings.findUnique({ where: { id: 1 }, select: columns })) ?? DEFAULT_POLICY;
    const saved = await tx.policySettings.upsert({
      where: { id: 1 },
      create: { id: 1, ...next, updatedById: actor.id },
      update: { ...next, updatedById: actor.id },
      select: columns,
    });
    await recordAudit(tx, actor, { action: "policy.update", entity: "policy", entityId: "1", before, after: saved });
    return saved;
  });
  globalForPolicy.showdownPolicy = undefined; // this process sees its own change at once
  return result;
}
