// Measures what an oversized request body costs a running server: streams bodies of --mb megabytes
// (announced with Content-Length, and chunked) to body-reading endpoints that need no sign-in, and
// prints the status, the time to the answer, how much had been sent when the answer came, and the
// server's resident memory (VmRSS, and the peak VmHWM) before and after, read from /proc/<pid>.
// Usage: npx tsx scripts/measure-body-limits.ts --url http://127.0.0.1:3000 [--pid <next-server pid>] [--mb 200] [--rounds 3]
import fs from "node:fs";
import http from "node:http";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    pid: { type: "string" },
    mb: { type: "string", default: "200" },
    rounds: { type: "string", default: "3" },
  },
});
if (!values.url) {
  console.error("Give the server's address: --url http://127.0.0.1:3000 (and --pid of its next-server process for memory figures)");
  process.exit(2);
}
const base = values.url;
const total = Number(values.mb) * 1024 * 1024;
const rounds = Number(values.rounds);
const CHUNK = Buffer.alloc(64 * 1024, 0x61);
const TIMEOUT_MS = 60_000;

function memory(): string {
  if (!values.pid) return "n/a";
  const status = fs.readFileSync(`/proc/${values.pid}/status`, "utf8");
  const field = (name: string) => Math.round(Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024);
  return `RSS ${field("VmRSS")} MB (peak ${field("VmHWM")} MB)`;
}

function send(path: string, isChunked: boolean): Promise<{ status: number; ms: number; sentMb: number }> {
  const started = Date.now();
  let sent = 0;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      "content-type": path.includes("/auth/") ? "application/x-www-form-urlencoded" : "application/json",
    };
    if (!isChunked) headers["content-length"] = String(total);
    const req = http.request(new URL(path, base), { method: "POST", headers });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within ${TIMEOUT_MS} ms (${(sent / 1048576).toFixed(1)} MB sent)`));
    }, TIMEOUT_MS);
    req.on("response", (res) => {
      const atAnswer = sent;
      res.resume();
      res.on("end", () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, ms: Date.now() - started, sentMb: atAnswer / 1048576 });
      });
    });
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    const pump = () => {
      while (sent < total && !req.destroyed) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) return void req.once("drain", pump);
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

console.log(`Server ${base}, ${values.mb} MB bodies, ${rounds} rounds. Before: ${memory()}`);
for (let round = 1; round <= rounds; round++) {
  for (const path of ["/api/signup", "/api/auth/callback/credentials"]) {
    for (const isChunked of [false, true]) {
      try {
        const r = await send(path, isChunked);
        console.log(
          `round ${round} ${path} ${isChunked ? "chunked" : "content-length"}: ${r.status} after ${r.ms} ms, ${r.sentMb.toFixed(1)} of ${values.mb} MB sent; ${memory()}`,
        );
      } catch (error) {
        console.log(`round ${round} ${path} ${isChunked ? "chunked" : "content-length"}: ${(error as Error).message}; ${memory()}`);
      }
    }
  }
}
console.log(`After: ${memory()}`);
