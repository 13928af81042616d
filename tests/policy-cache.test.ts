import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { serverEnv, setDatabaseUrl } from "../lib/env";
import { DEFAULT_POLICY } from "../lib/policy";
import { CLI_ACTOR } from "../lib/queries/audit";
import { getCachedPolicy, getPolicy, updatePolicy } from "../lib/queries/policy";

/** Sets SHOWDOWN_POLICY_CACHE_SECONDS for this process (serverEnv re-reads the environment). */
function cacheSeconds(value: string) {
  process.env.SHOWDOWN_POLICY_CACHE_SECONDS = value;
  setDatabaseUrl(serverEnv().DATABASE_URL);
}

beforeAll(async () => {
  await updatePolicy(DEFAULT_POLICY, CLI_ACTOR);
  cacheSeconds("60");
});

afterAll(async () => {
  cacheSeconds("0");
  await updatePolicy(DEFAULT_POLICY, CLI_ACTOR);
});

describe("the policy as cached for rate limits and sampling", () => {
  it("keeps a read for the cache time, so another replica's change arrives within it, and follows its own change at once", async () => {
    expect((await getCachedPolicy()).battlesPerHourPerUser).toBe(DEFAULT_POLICY.battlesPerHourPerUser);
    // Another replica saves a change: this process keeps its read until the cache time passes.
    await db().policySettings.update({ where: { id: 1 }, data: { battlesPerHourPerUser: 7 } });
    expect((await getPolicy()).battlesPerHourPerUser).toBe(7);
    expect((await getCachedPolicy()).battlesPerHourPerUser).toBe(DEFAULT_POLICY.battlesPerHourPerUser);
    // A change saved through this process (the admin form, the API) is seen by the next request.
    await updatePolicy({ ...DEFAULT_POLICY, battlesPerHourPerUser: 9 }, CLI_ACTOR);
    expect((await getCachedPolicy()).battlesPerHourPerUser).toBe(9);
  });

  it("reads the database on every call with a cache time of 0", async () => {
    cacheSeconds("0");
    await db().policySettings.update({ where: { id: 1 }, data: { battlesPerHourPerUser: 11 } });
    expect((await getCachedPolicy()).battlesPerHourPerUser).toBe(11);
    cacheSeconds("60");
  });
});
