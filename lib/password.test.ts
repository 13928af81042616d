import crypto from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { currentParams, hashPassword, needsRehash, PRODUCTION_PARAMS, verifyPassword } from "./password";

/** A hash in the first stored format (`scrypt$N$r$p$salt$hash`, N=2^15), as older databases hold. */
function legacyHash(password: string): string {
  const salt = crypto.randomBytes(16);
  const key = crypto.scryptSync(password, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return ["scrypt", 2 ** 15, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
}

afterEach(() => {
  delete process.env.SHOWDOWN_PASSWORD_COST;
});

describe("password hashing", () => {
  it("uses OWASP's scrypt parameters (N=2^17, r=8, p=1) unless a test suite asks otherwise, and stores them with the hash", async () => {
    delete process.env.SHOWDOWN_PASSWORD_COST;
    expect(currentParams()).toEqual({ N: 131072, r: 8, p: 1 });
    const stored = await hashPassword("correct horse battery");
    expect(stored).toMatch(/^scrypt\$N=131072,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
    expect(await verifyPassword("correct horse batterz", stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  }, 60_000); // production cost is deliberately slow, more so on a busy machine

  it("verifies hashes of the old format and marks them for re-hashing", async () => {
    const old = legacyHash("old password");
    expect(await verifyPassword("old password", old)).toBe(true);
    expect(await verifyPassword("old passwore", old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
  }, 60_000);

  it("keeps verifying hashes made with other parameters, and re-hashes them to the current ones", async () => {
    process.env.SHOWDOWN_PASSWORD_COST = "test";
    const cheap = await hashPassword("pw-cheap");
    expect(cheap.startsWith("scrypt$N=1024,r=8,p=1$")).toBe(true);
    expect(needsRehash(cheap)).toBe(false);
    delete process.env.SHOWDOWN_PASSWORD_COST;
    expect(needsRehash(cheap)).toBe(true);
    expect(await verifyPassword("pw-cheap", cheap)).toBe(true);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same", { N: 1024, r: 8, p: 1 })).not.toEqual(await hashPassword("same", { N: 1024, r: 8, p: 1 }));
  });

  it("rejects malformed stored hashes and refuses cost bombs without running them", async () => {
    for (const stored of ["bcrypt$abc", "", "scrypt$N=1024,r=8$a$b", "scrypt$N=1000,r=8,p=1$c2FsdHNhbHRzYWx0$" + "A".repeat(43)]) {
      expect(await verifyPassword("x", stored)).toBe(false);
    }
    const bomb = `scrypt$N=${2 ** 24},r=8,p=1$c2FsdHNhbHRzYWx0$${"A".repeat(43)}`;
    expect(await verifyPassword("x", bomb)).toBe(false);
    expect(PRODUCTION_PARAMS.N).toBe(2 ** 17);
  });
});
