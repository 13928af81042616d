import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as profileGet, PUT as profilePut } from "../app/api/profile/route";
import { db } from "../lib/db";
import { DEFAULT_POLICY } from "../lib/policy";
import { CLI_ACTOR, listAudit } from "../lib/queries/audit";
import { createBattle } from "../lib/queries/battles";
import { updatePolicy } from "../lib/queries/policy";
import { updateProfile } from "../lib/queries/users";
import { recordVote } from "../lib/queries/votes";
import { createContributor, resetDatabase } from "./support/database";
import { callJson, signInAs } from "./support/sessions";

vi.mock("next-auth", async (importOriginal) => (await import("./support/sessions")).mockNextAuth(importOriginal));

const BR = { country: "BR", ageBand: "25-34", education: "bachelor", language: "pt" };

beforeAll(async () => {
  await resetDatabase();
  await db().rateLimitCounter.deleteMany();
  await updatePolicy({ ...DEFAULT_POLICY, profileChangeDays: 30 }, CLI_ACTOR);
});
afterAll(async () => {
  signInAs(null);
  await updatePolicy(DEFAULT_POLICY, CLI_ACTOR);
});

describe("who an audience is", () => {
  it("lets a contributor change each answer once per 30 days; a vote-by-vote audience switch is refused with the date", async () => {
    const user = await createContributor(BR as never); // first completion: free
    signInAs(user);
    // The attack: switch country before every vote to count as any audience.
    const first = await callJson(profilePut, { method: "PUT", body: { ...BR, country: "DE" } });
    expect(first.status).toBe(200);
    expect(first.body.changed).toEqual(["country"]);
    const second = await callJson(profilePut, { method: "PUT", body: { ...BR, country: "FR" } });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("audience_change_too_soon");
    const nextAt = new Date(second.body.error.details.countryNextChangeAt);
    const expected = Date.now() + 30 * 86_400_000;
    expect(Math.abs(nextAt.getTime() - expected)).toBeLessThan(60_000);
    expect(second.body.error.details.country).toMatch(/^Your country can change again on \d{4}-\d{2}-\d{2}/);
    expect(second.body.error.message).toContain(nextAt.toISOString().slice(0, 10));
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { country: true, ageBand: true } });
    expect(row.country).toBe("DE");

    // Re-sending unchanged answers is not a change; another answer has its own window.
    expect((await callJson(profilePut, { method: "PUT", body: { ...BR, country: "DE" } })).status).toBe(200);
    const other = await callJson(profilePut, { method: "PUT", body: { ...BR, country: "DE", ageBand: "35-44" } });
    expect(other.status).toBe(200);
    expect(other.body.changed).toEqual(["ageBand"]);
    // A refused answer refuses the whole save: the age band does not change with it.
    const mixed = await callJson(profilePut, { method: "PUT", body: { ...BR, country: "ES", ageBand: "45-54", language: "es" } });
    expect(mixed.status).toBe(409);
    expect(Object.keys(mixed.body.error.details).sort()).toEqual(["ageBand", "ageBandNextChangeAt", "country", "countryNextChangeAt"]);
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { ageBand: true, language: true } })).toEqual({
      ageBand: "35-44",
      language: "pt",
    });

    // The profile API tells when each answer can change next.
    const read = await callJson(profileGet, { method: "GET" });
    expect(read.body.nextChangeAt.country).toBe(nextAt.toISOString());
    expect(read.body.nextChangeAt.language).toBeNull();

    // Every change is audited with the changed answers before and after.
    const audit = await listAudit({ entity: "user", entityId: user.id, action: "profile.change" });
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [{ ageBand: "25-34" }, { ageBand: "35-44" }],
      [{ country: "BR" }, { country: "DE" }],
    ]);
  });

  it("allows the change again once the window has passed, and any time with a window of 0 days", async () => {
    const user = await createContributor(BR as never);
    await updateProfile(user.id, { ...BR, country: "DE" } as never, { windowDays: 30 });
    await expect(updateProfile(user.id, { ...BR, country: "FR" } as never, { windowDays: 30 })).rejects.toMatchObject({
      code: "audience_change_too_soon",
    });
    const later = new Date(Date.now() + 31 * 86_400_000);
    expect((await updateProfile(user.id, { ...BR, country: "FR" } as never, { windowDays: 30, now: later })).changed).toEqual(["country"]);
    expect((await updateProfile(user.id, { ...BR, country: "IT" } as never, { windowDays: 0 })).changed).toEqual(["country"]);
  });

  it("lets only one of two concurrent saves spend the change", async () => {
    const user = await createContributor(BR as never);
    const results = await Promise.allSettled(
      ["DE", "FR", "IT", "ES"].map((country) => updateProfile(user.id, { ...BR, country } as never, { windowDays: 30 })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual([
      "audience_change_too_soon",
      "audience_change_too_soon",
      "audience_change_too_soon",
    ]);
  });

  it("keeps each vote's audience as it was when cast", async () => {
    const user = await createContributor(BR as never);
    const battle = await createBattle(user.id);
    await recordVote({ battleId: battle.id, userId: user.id, outcome: "A" });
    await updateProfile(user.id, { country: "JP", ageBand: "55-64", education: "master", language: "ja" } as never, { windowDays: 30 });
    const vote = await db().vote.findFirstOrThrow({
      where: { voterId: user.id },
      select: { country: true, ageBand: true, education: true, language: true },
    });
    expect(vote).toEqual(BR);
  });
});
