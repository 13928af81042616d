import { inject } from "vitest";
import { setDatabaseUrl } from "../../lib/env";

// Integration tests create hundreds of accounts: cheap password hashing, set explicitly for tests
// only (lib/password.test.ts checks the production parameters).
process.env.SHOWDOWN_PASSWORD_COST = "test";
setDatabaseUrl(inject("databaseUrl"));

// Secrets the launcher would generate; fixed here so tests that encrypt or export can run.
process.env.SHOWDOWN_SECRET_KEY ??= "test-secret-key-of-at-least-32-characters!";
process.env.SHOWDOWN_JUDGE_SECRET ??= "test-judge-secret-0123456789";

// The fake OpenAI-compatible servers of these tests listen on 127.0.0.1, a private address that
// provider URLs may use only with this setting (tests/provider-urls.test.ts turns it off to test the refusal).
process.env.SHOWDOWN_ALLOW_PRIVATE_PROVIDER_URLS ??= "true";
process.env.SHOWDOWN_INDEX_CACHE ??= "off"; // tests that need an index file give the index one
// Tests change the policy in the database directly and expect the next request to follow it.
process.env.SHOWDOWN_POLICY_CACHE_SECONDS ??= "0";
