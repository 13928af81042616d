// Measures how long a failed credentials sign-in takes for an email that has an account and for one
// that does not, through a running Showdown's HTTP API (the question an attacker asks to enumerate
// accounts). Prints each time and the medians; asserts nothing (timing depends on the machine).
// Usage: npx tsx scripts/measure-sign-in-timing.ts --url http://127.0.0.1:3000 [--rounds 5]
// It signs up `rounds` accounts (each gets one wrong password, staying under the per-account limit),
// so the address needs room for that many sign-ups and 2×rounds failed sign-ins in the policy.
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { url: { type: "string" }, rounds: { type: "string", default: "5" } } });
if (!values.url) {
  console.error("Usage: npx tsx scripts/measure-sign-in-timing.ts --url http://127.0.0.1:3000 [--rounds 5]");
  process.exit(2);
}
const base = values.url.replace(/\/+$/, "");
const rounds = Math.max(1, Number(values.rounds) || 5);
const stamp = `${Date.now()}-${process.pid}`;

/** next-auth wants its CSRF token, with the cookie that goes with it. */
async function csrf(): Promise<{ token: string; cookie: string }> {
  const response = await fetch(`${base}/api/auth/csrf`);
  const cookie = (response.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  return { token: ((await response.json()) as { csrfToken: string }).csrfToken, cookie };
}

/** One failed sign-in: milliseconds until the answer, and its status. */
async function failedSignIn(email: string): Promise<{ ms: number; status: number }> {
  const { token, cookie } = await csrf();
  const body = new URLSearchParams({ email, password: "definitely not the password", csrfToken: token, json: "true" });
  const started = performance.now();
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body,
  });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

const known: string[] = [];
for (let i = 0; i < rounds; i++) {
  const email = `timing-${stamp}-${i}@example.com`;
  const response = await fetch(`${base}/api/signup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "a long enough password" }),
  });
  if (response.status !== 201) {
    console.error(`Sign-up ${i + 1} answered ${response.status}: ${await response.text()}`);
    process.exit(1);
  }
  known.push(email);
}

await failedSignIn(`warm-up-${stamp}@example.com`); // the server derives its dummy hash once
const knownTimes: number[] = [];
const unknownTimes: number[] = [];
for (let i = 0; i < rounds; i++) {
  const a = await failedSignIn(known[i]);
  const b = await failedSignIn(`nobody-${stamp}-${i}@example.com`);
  if (a.status !== 401 || b.status !== 401)
    console.warn(`Unexpected statuses ${a.status} / ${b.status} (throttled? raise the policy's sign-in limits)`);
  knownTimes.push(a.ms);
  unknownTimes.push(b.ms);
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");
console.log(`known email, wrong password:   ${list(knownTimes)} ms (median ${median(knownTimes).toFixed(0)} ms)`);
console.log(`unknown email:                 ${list(unknownTimes)} ms (median ${median(unknownTimes).toFixed(0)} ms)`);
