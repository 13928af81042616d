import { inject } from "vitest";
import { setDatabaseUrl } from "../lib/env";

setDatabaseUrl(inject("databaseUrl"));

// Secrets the launcher would generate; fixed here so tests that encrypt or export can run.
process.env.SHOWDOWN_SECRET_KEY ??= "test-secret-key-of-at-least-32-characters!";
process.env.SHOWDOWN_JUDGE_SECRET ??= "test-judge-secret-0123456789";
// Tests change the policy in the database directly and expect the next request to follow it.
process.env.SHOWDOWN_POLICY_CACHE_SECONDS ??= "0";
