import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { DEFAULT_POLICY, holdoutCutoff, policySchema } from "../lib/policy";
import { CLI_ACTOR, listAudit } from "../lib/queries/audit";
import { getPolicy, updatePolicy } from "../lib/queries/policy";
import { createContributor, resetDatabase } from "./support/database";

beforeAll(async () => {
  await resetDatabase();
  // The settings row is not part of resetDatabase; start from "never saved".
  await db().policySettings.deleteMany();
});

afterAll(async () => {
  await updatePolicy(DEFAULT_POLICY, CLI_ACTOR);
});

describe("policy schema", () => {
  it.each([
    [{ ...DEFAULT_POLICY, holdoutDays: -1 }, "holdoutDays", "cannot be negative"],
    [{ ...DEFAULT_POLICY, holdoutDays: 1.5 }, "holdoutDays", "whole number"],
    [{ ...DEFAULT_POLICY, holdoutDays: 4000 }, "holdoutDays", "at most 3650"],
    [{ ...DEFAULT_POLICY, minSliceVoters: 0 }, "minSliceVoters", "at least 1 voter"],
    [{ ...DEFAULT_POLICY, minModelVotes: 0 }, "minModelVotes", "at least 1 vote"],
    [{ ...DEFAULT_POLICY, bootstrapRounds: 5 }, "bootstrapRounds", "at least 10"],
    [{ ...DEFAULT_POLICY, bootstrapRounds: 5000 }, "bootstrapRounds", "at most 2000"],
    [{ ...DEFAULT_POLICY, bootstrapSeed: -3 }, "bootstrapSeed", ""],
    [{ ...DEFAULT_POLICY, privateVariantCap: -1 }, "privateVariantCap", "cannot be negative"],
    [{ ...DEFAULT_POLICY, battlesPerHourPerUser: 0 }, "battlesPerHourPerUser", "at least 1 per hour"],
    [{ ...DEFAULT_POLICY, votesPerHourPerIp: 2.5 }, "votesPerHourPerIp", "whole number"],
    [{ ...DEFAULT_POLICY, samplingTargetVotes: 0 }, "samplingTargetVotes", "at least 1 vote"],
    [{ ...DEFAULT_POLICY, samplingMaxBoost: 0.5 }, "samplingMaxBoost", "at least 1"],
    [{ ...DEFAULT_POLICY, samplingMaxBoost: 11 }, "samplingMaxBoost", "at most 10"],
    [{ ...DEFAULT_POLICY, profileChangeDays: -1 }, "profileChangeDays", "cannot be negative"],
    [{ ...DEFAULT_POLICY, signupsPerHourPerIp: 0 }, "signupsPerHourPerIp", "at least 1 per hour"],
    [{ ...DEFAULT_POLICY, requireVerifiedEmail: "yes" }, "requireVerifiedEmail", "true or false"],
  ])("refuses %o (%s)", (input, field, message) => {
    const parsed = policySchema.safeParse(input);
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues.find((i) => i.path[0] === field);
    expect(issue?.message).toContain(message);
  });

  it("accepts form strings as numbers", () => {
    const form = {
      holdoutDays: "30",
      minSliceVoters: "25",
      minModelVotes: "40",
      bootstrapRounds: "200",
      bootstrapSeed: "7",
      privateVariantCap: "2",
      battlesPerHourPerUser: "30",
      votesPerHourPerUser: "31",
      battlesPerHourPerIp: "300",
      votesPerHourPerIp: "301",
      samplingTargetVotes: "500",
      samplingMaxBoost: "2.5",
      profileChangeDays: "14",
      signupsPerHourPerIp: "5",
      signInFailuresPerHourPerUser: "8",
      signInFailuresPerHourPerIp: "80",
      requireVerifiedEmail: true,
      excludeReplayVotes: false,
    };
    expect(policySchema.parse(form)).toEqual({
      holdoutDays: 30,
      minSliceVoters: 25,
      minModelVotes: 40,
      bootstrapRounds: 200,
      bootstrapSeed: 7,
      privateVariantCap: 2,
      battlesPerHourPerUser: 30,
      votesPerHourPerUser: 31,
      battlesPerHourPerIp: 300,
      votesPerHourPerIp: 301,
      samplingTargetVotes: 500,
      samplingMaxBoost: 2.5,
      profileChangeDays: 14,
      signupsPerHourPerIp: 5,
      signInFailuresPerHourPerUser: 8,
      signInFailuresPerHourPerIp: 80,
      requireVerifiedEmail: true,
      excludeReplayVotes: false,
    });
  });

  it("puts the export cutoff exactly holdoutDays before now", () => {
    const now = new Date("2026-03-01T12:00:00.000Z");
    expect(holdoutCutoff({ holdoutDays: 60 }, now).toISOString()).toBe("2025-12-31T12:00:00.000Z");
    expect(holdoutCutoff({ holdoutDays: 0 }, now)).toEqual(now);
  });
});

describe("stored policy", () => {
  it("is the defaults until an admin saves it", async () => {
    expect(await getPolicy()).toEqual(DEFAULT_POLICY);
  });

  it("saves every change with who, before and after in the audit log, newest first", async () => {
    const admin = await createContributor();
    const actor = { id: admin.id, email: admin.email };
    const first = { ...DEFAULT_POLICY, holdoutDays: 90, minSliceVoters: 25 };
    expect(await updatePolicy(first, actor)).toEqual(first);
    // Audit entries are ordered by their millisecond timestamps: keep the two apart.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = { ...first, bootstrapRounds: 250, votesPerHourPerUser: 20, samplingMaxBoost: 1.5 };
    await updatePolicy(second, CLI_ACTOR);
    expect(await getPolicy()).toEqual(second);

    const [latest, previous] = await listAudit({ entity: "policy", take: 2 });
    expect(previous).toMatchObject({
      action: "policy.update",
      entity: "policy",
      entityId: "1",
      actorEmail: admin.email,
      before: DEFAULT_POLICY,
      after: first,
    });
    expect(latest).toMatchObject({ actorEmail: "command line", before: first, after: second });
    expect(latest.createdAt.getTime()).toBeGreaterThanOrEqual(previous.createdAt.getTime());
    const [row] = await db().$queryRaw<{ actorId: string | null }[]>`SELECT "actorId" FROM "AuditLog" WHERE id = ${previous.id}`;
    expect(row.actorId).toBe(admin.id);
  });

  it("keeps the audit log append-only", async () => {
    const [latest] = await listAudit({ entity: "policy", take: 1 });
    await expect(db().auditLog.update({ where: { id: latest.id }, data: { actorEmail: "someone else" } })).rejects.toThrow(/append-only/);
    await expect(db().auditLog.deleteMany({ where: { entity: "policy" } })).rejects.toThrow(/append-only/);
    expect((await listAudit({ entity: "policy", take: 1 }))[0]).toEqual(latest);
  });
});
