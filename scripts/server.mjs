// Showdown's HTTP server: Next.js behind a plain Node server that owns the sockets, so that
//  - the client's address comes from the socket, and from X-Forwarded-For only through the proxies
//    TRUST_PROXY names (lib/client-address.mjs); it reaches the app in one internal header, and
//    forwarding headers from anyone else are dropped before Next sees them;
//  - SIGTERM/SIGINT stop it gracefully: no new connections, in-flight requests finish (up to
//    --shutdown-seconds), idle keep-alive connections are closed, then it exits.
// Started by scripts/start.ts (which owns the database); plain Node, not under the react-server
// condition, which would break Next's own rendering in this process.
// Usage: node scripts/server.mjs --port 3000 [--hostname 127.0.0.1] [--dev] [--trust-proxy VALUE] [--shutdown-seconds 20]
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";
import { CLIENT_IP_HEADER, parseTrustProxy, resolveClientAddress } from "../lib/client-address.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3000" },
    hostname: { type: "string", default: "127.0.0.1" },
    dev: { type: "boolean", default: false },
    "trust-proxy": { type: "string", default: "" },
    "shutdown-seconds": { type: "string", default: "20" },
  },
});
const log = (message) => console.log(`[showdown] ${message}`);
const port = Number(values.port);
const shutdownMs = Number(values["shutdown-seconds"]) * 1000;
const trust = parseTrustProxy(values["trust-proxy"]);

/** Headers only a trusted proxy may set: from anyone else they are the client's own claims. */
const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "x-real-ip", "forwarded"];

/** Puts the client's address in CLIENT_IP_HEADER (dropping any copy a client sent) and drops untrusted forwarding headers. */
function stampClientAddress(req) {
  const { ip, isPeerTrusted } = resolveClientAddress({
    remoteAddress: req.socket.remoteAddress,
    forwardedFor: req.headers["x-forwarded-for"],
    trust,
  });
  delete req.headers[CLIENT_IP_HEADER];
  if (!isPeerTrusted) for (const name of FORWARDING_HEADERS) delete req.headers[name];
  if (ip) req.headers[CLIENT_IP_HEADER] = ip;
}

const app = next({ dev: values.dev, dir: ROOT, hostname: values.hostname, port });
await app.prepare();
const handle = app.getRequestHandler();
const upgrade = app.getUpgradeHandler();

const active = new Set();
let isShuttingDown = false;

const server = http.createServer((req, res) => {
  active.add(res);
  res.once("close", () => {
    active.delete(res);
    if (isShuttingDown) {
      server.closeIdleConnections();
      if (active.size === 0) finish("all requests finished");
    }
  });
  // During shutdown, a keep-alive client is told to reconnect elsewhere once this answer is done.
  if (isShuttingDown) res.setHeader("Connection", "close");
  stampClientAddress(req);
  handle(req, res).catch((error) => {
    console.error("[showdown] request failed", error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { code: "internal", message: "Something went wrong on our side. Please try again." } }));
  });
});
server.on("upgrade", (req, socket, head) => {
  stampClientAddress(req);
  upgrade(req, socket, head);
});
server.listen(port, values.hostname, () => log(`Showdown on http://${values.hostname}:${port}${values.dev ? " (development)" : ""}`));

let isFinished = false;
function finish(reason) {
  if (isFinished) return;
  isFinished = true;
  log(`HTTP server stopped (${reason})`);
  // Next's own cleanup is given a moment, never the power to hold the exit.
  Promise.race([app.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 2000).unref())]).then(() => process.exit(0));
}

function shutdown(signal) {
  if (isShuttingDown) return;
  isShuttingDown = true;
  log(`${signal}: no new connections; waiting for ${active.size} request(s) in flight (at most ${shutdownMs / 1000} s)`);
  server.close(); // stops accepting; idle keep-alive connections are closed
  for (const res of active) if (!res.headersSent) res.setHeader("Connection", "close");
  server.closeIdleConnections();
  if (active.size === 0) finish("no requests in flight");
  setTimeout(() => {
    log(`${active.size} request(s) still running after ${shutdownMs / 1000} s; closing them`);
    server.closeAllConnections();
    finish("shutdown deadline reached");
  }, shutdownMs).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
