import crypto from "node:crypto";
import { bootEnv } from "@/lib/env";

/** crypto.scrypt as a promise (looked up per call, so tests can observe that it ran). */
function scrypt(password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    crypto.scrypt(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * OWASP's current scrypt recommendation (N=2^17, r=8, p=1): about 128 MiB and 0.3–0.5 s per hash,
 * deliberately slow. libuv's thread pool (4 threads) caps how many run at once per process.
 */
export const PRODUCTION_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
/** Only with SHOWDOWN_PASSWORD_COST=test: test suites create hundreds of accounts. */
const TEST_PARAMS: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };
const KEY_LENGTH = 32;
/** Stored hashes outside these bounds are refused rather than run (a cost bomb in the database). */
const MAX_N = 2 ** 20;

/** The parameters new hashes get (production unless a test suite asked for the cheap setting). */
export function currentParams(): ScryptParams {
  return bootEnv().SHOWDOWN_PASSWORD_COST === "test" ? TEST_PARAMS : PRODUCTION_PARAMS;
}

/** scrypt needs about 128·N·r bytes; Node refuses above maxmem, so allow twice that. */
function derive(password: string, salt: Buffer, length: number, params: ScryptParams): Promise<Buffer> {
  return scrypt(password, salt, length, { ...params, maxmem: 256 * params.N * params.r });
}

/** Hashes a password as `scrypt$N=131072,r=8,p=1$<salt>$<hash>` (base64url): the parameters travel with it. */
export async function hashPassword(password: string, params: ScryptParams = currentParams()): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await derive(password, salt, KEY_LENGTH, params);
  return `scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
  /** The first format (`scrypt$N$r$p$salt$hash`), still verified and replaced at the next sign-in. */
  isLegacy: boolean;
}

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split("$");
  let params: ScryptParams;
  let saltText: string | undefined;
  let keyText: string | undefined;
  let isLegacy = false;
  if (parts[0] !== "scrypt") return null;
  if (parts.length === 4) {
    const match = /^N=(\d+),r=(\d+),p=(\d+)$/.exec(parts[1]);
    if (!match) return null;
    params = { N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
    [saltText, keyText] = [parts[2], parts[3]];
  } else if (parts.length === 6) {
    params = { N: Number(parts[1]), r: Number(parts[2]), p: Number(parts[3]) };
    [saltText, keyText] = [parts[4], parts[5]];
    isLegacy = true;
  } else {
    return null;
  }
  const isPowerOfTwo = Number.isInteger(params.N) && params.N > 1 && (params.N & (params.N - 1)) === 0;
  if (!isPowerOfTwo || params.N > MAX_N || !(params.r >= 1 && params.r <= 32) || !(params.p >= 1 && params.p <= 16)) return null;
  if (!saltText || !keyText) return null;
  const key = Buffer.from(keyText, "base64url");
  if (key.length < 16 || key.length > 64) return null;
  return { params, salt: Buffer.from(saltText, "base64url"), key, isLegacy };
}

/** Checks a password against a stored hash in constant time; false for malformed hashes. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.key.length, parsed.params);
  return crypto.timingSafeEqual(key, parsed.key);
}

/** True when a stored hash is in the old format or uses other parameters than new hashes get. */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  if (!parsed || parsed.isLegacy) return true;
  const want = currentParams();
  return parsed.params.N !== want.N || parsed.params.r !== want.r || parsed.params.p !== want.p;
}

let dummy: { params: ScryptParams; hash: Promise<string> } | undefined;

/**
 * Spends the same work as checking a real password, for sign-ins with an unknown email (or an
 * account without a password), so that response time does not tell which emails have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  const params = currentParams();
  if (!dummy || dummy.params !== params) dummy = { params, hash: hashPassword(crypto.randomBytes(16).toString("hex"), params) };
  await verifyPassword(password, await dummy.hash);
  return false;
}
