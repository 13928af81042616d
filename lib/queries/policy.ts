import "server-only";
import { db } from "@/lib/db";
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

/** Saves the policy and records the change (before and after) in the audit log. */
export async function updatePolicy(next: Policy, actor: Actor): Promise<Policy> {
  return db().$transaction(async (tx) => {
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
}
