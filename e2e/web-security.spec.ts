import http from "node:http";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { PASSWORD, signIn, signInNewAdmin, useStoredRole } from "./support/accounts";
import { chooseInterfaceLanguage } from "./pages/language-menu";
import { revealLazy } from "./support/lazy";

/**
 * The web boundary against the built server, as an attacker or a careless client would meet it:
 * CSP and security headers on every page and API answer, cross-site requests with a victim's cookie,
 * an open redirect through sign-in, bad and oversized input.
 */

const EVIL = "https://evil.example";

/** Collects CSP violations the page reports (the listener is installed before any page script runs). */
async function watchCsp(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|evaluate)/i.test(message.text()))
      seen.push(`console: ${message.text().slice(0, 300)}`);
  });
  await page.exposeFunction("__reportCsp", (line: string) => seen.push(line));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __reportCsp: (s: string) => void }).__reportCsp(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
      ),
    );
  });
  return seen;
}

function expectPageHeaders(headers: Record<string, string>, where: string) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, where).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(csp, where).not.toContain("unsafe-eval");
  for (const directive of [
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
  ])
    expect(csp, where).toContain(directive);
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], where).toContain("camera=()");
  expect(headers["x-frame-options"], where).toBe("DENY");
}

function expectApiHeaders(headers: Record<string, string>, where: string) {
  expect(headers["content-security-policy"], where).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"], where).toContain("default-src 'none'");
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
}

async function newContributor(request: APIRequestContext, prefix: string): Promise<string> {
  const email = `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
  await signIn(request, email, { signUp: true });
  expect(
    (await request.put("/api/profile", { data: { country: "BR", ageBand: "25-34", education: "bachelor", language: "pt" } })).status(),
  ).toBe(200);
  return email;
}

test.describe("security headers and CSP", () => {
  test("every page loads with its headers, a fresh nonce, working scripts and no CSP violation", async ({ page }) => {
    test.setTimeout(180_000);
    const violations = await watchCsp(page);
    await useStoredRole(page.context(), "admin");
    const { rows } = (await (await page.request.get("/api/leaderboard")).json()) as { rows: { name: string }[] };
    const { models } = (await (await page.request.get("/api/admin/models")).json()) as { models: { id: string }[] };
    const paths = [
      "/",
      "/leaderboard",
      "/leaderboard?country=BR,XX",
      "/leaderboard/compare?a.region=americas&b.region=europe",
      `/models/${encodeURIComponent(rows[0]!.name)}`,
      "/models/no-such-model-anywhere",
      "/methodology",
      "/changelog",
      "/tested-variants",
      "/data-share",
      "/signin",
      "/signup",
      "/arena",
      "/profile",
      "/history",
      "/data",
      "/admin",
      "/admin/models",
      "/admin/models/new",
      `/admin/models/${models[0]!.id}`,
      "/admin/policy",
      "/admin/audit",
      "/admin/users",
      "/admin/contributors",
      "/admin/snapshots",
    ];
    const nonces = new Set<string>();
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response, path).not.toBeNull();
      const headers = response!.headers();
      expectPageHeaders(headers, path);
      nonces.add(/'nonce-([^']+)'/.exec(headers["content-security-policy"]!)![1]!);
      await page.waitForLoadState("networkidle").catch(() => undefined);
      // Scripts ran: Next.js's inline (nonce-carrying) flight scripts filled in their data.
      expect(await page.evaluate(() => Array.isArray((window as unknown as { __next_f?: unknown }).__next_f)), path).toBe(true);
      expect(violations, `CSP violations on ${path}`).toEqual([]);
    }
    expect(nonces.size, "one nonce per response").toBe(paths.length);

    // Charts render (recharts sets inline style attributes, which the policy allows for styles only).
    await page.goto("/leaderboard");
    await revealLazy(page);
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    // The language menu's server action works under the policy, and comes back.
    await chooseInterfaceLanguage(page, "de");
    await chooseInterfaceLanguage(page, "en");
    expect(violations).toEqual([]);
  });

  test("a script injected into the page's HTML without the nonce does not run, and eval is blocked", async ({ page }) => {
    const violations = await watchCsp(page);
    // Stands in for stored or reflected HTML injection: the server's real answer (with its headers) plus
    // two parser-inserted scripts, one without a nonce and one with a guessed nonce.
    await page.route("**/leaderboard", async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        "</body>",
        '<script>window.__injected = "plain"</script><script nonce="AAAAAAAAAAAAAAAAAAAAAA==">window.__injected = "guessed"</script></body>',
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto("/leaderboard");
    await expect(page.getByTestId("slice-summary")).toBeVisible();
    // Next.js's own scripts carry the nonce and ran.
    expect(await page.evaluate(() => Array.isArray((window as unknown as { __next_f?: unknown }).__next_f))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected ?? "blocked")).toBe("blocked");
    // eval from page code (a timer: code evaluated by the test driver itself is exempt from CSP).
    const evalResult = await page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          setTimeout(() => {
            try {
              (0, eval)("1 + 1");
              resolve("ran");
            } catch {
              resolve("blocked");
            }
          }, 0),
        ),
    );
    expect(evalResult).toBe("blocked");
    await expect.poll(() => violations.filter((v) => v.startsWith("script-src")).length).toBeGreaterThanOrEqual(3);
  });

  test("API answers and error answers carry the headers; HSTS only behind HTTPS", async ({ request }) => {
    for (const path of ["/api/health", "/api/leaderboard", "/api/leaderboard?country=ZZ", "/api/snapshots", "/api/auth/csrf"]) {
      const response = await request.get(path);
      expectApiHeaders(response.headers(), path);
      expect(response.headers()["strict-transport-security"], path).toBeUndefined();
    }
    const page = await request.get("/leaderboard");
    expect(page.headers()["strict-transport-security"]).toBeUndefined();
    // This server trusts no proxy (no TRUST_PROXY), so a client's own X-Forwarded-Proto earns no HSTS;
    // behind a trusted HTTPS proxy pages and APIs add it (tests/app-server.test.ts, TRUST_PROXY=1).
    for (const path of ["/leaderboard", "/api/leaderboard"]) {
      const spoofed = await request.get(path, { headers: { "x-forwarded-proto": "https" } });
      expect(spoofed.headers()["strict-transport-security"], path).toBeUndefined();
    }
  });
});

test.describe("cross-site requests", () => {
  test("a vote sent from another site with the contributor's cookie is refused, and nothing is recorded", async ({ request }) => {
    await newContributor(request, "csrf");
    const battle = (await (await request.post("/api/battles", { data: {} })).json()).battle as { id: string };
    const forged = await request.post(`/api/battles/${battle.id}/vote`, {
      headers: { "content-type": "text/plain", origin: EVIL, "sec-fetch-site": "cross-site" },
      data: '{"outcome":"A"}',
    });
    expect(forged.status()).toBe(403);
    expect((await forged.json()).error.code).toBe("cross_site");
    const forgedJson = await request.post(`/api/battles/${battle.id}/vote`, { headers: { origin: EVIL }, data: { outcome: "A" } });
    expect(forgedJson.status()).toBe(403);
    const notJson = await request.post(`/api/battles/${battle.id}/vote`, {
      headers: { "content-type": "text/plain" },
      data: '{"outcome":"A"}',
    });
    expect(notJson.status()).toBe(415);
    expect((await notJson.json()).error.message).toContain("application/json");
    // The battle is still open: the contributor's own vote (no Origin, like a script) counts once.
    expect((await request.post(`/api/battles/${battle.id}/vote`, { data: { outcome: "B" } })).status()).toBe(201);
  });

  test("sign-out and sign-in cannot be forced from another site", async ({ request }) => {
    const email = await newContributor(request, "csrf-auth");
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const signOut = await request.post("/api/auth/signout", {
      headers: { origin: EVIL, "sec-fetch-site": "cross-site" },
      form: { csrfToken, json: "true" },
    });
    expect(signOut.status()).toBe(403);
    expect((await (await request.get("/api/profile")).json()).isComplete).toBe(true); // still signed in
    const login = await request.post("/api/auth/callback/credentials", {
      headers: { origin: EVIL },
      form: { email, password: PASSWORD, csrfToken, json: "true" },
    });
    expect(login.status()).toBe(403);
  });

  test("a server action replayed from another site is refused with 403, while the same call from the site works", async ({
    page,
    request,
    baseURL,
  }) => {
    await page.goto("/");
    const action = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
    await chooseInterfaceLanguage(page, "fr");
    const captured = await action;
    await chooseInterfaceLanguage(page, "en");
    const headers = {
      "next-action": captured.headers()["next-action"]!,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
    };

    const forged = await request.post("/", { headers: { ...headers, origin: EVIL, "sec-fetch-site": "cross-site" }, data: '["hi"]' });
    expect(forged.status()).toBe(403);
    expect((await request.storageState()).cookies.find((c) => c.name === "NEXT_LOCALE")).toBeUndefined();
    const ownSite = await request.post("/", { headers: { ...headers, origin: baseURL! }, data: '["hi"]' });
    expect(ownSite.status()).toBe(200);
    expect((await request.storageState()).cookies.find((c) => c.name === "NEXT_LOCALE")?.value).toBe("hi");
  });
});

test.describe("open redirect", () => {
  const PHISH = "/signin?callbackUrl=/%5Cevil.example/phish";

  test("a signed-in visitor sent to /signin?callbackUrl=/\\evil.example/phish stays on the site", async ({ page, baseURL }) => {
    await newContributor(page.request, "redirect-in");
    await page.goto(PHISH);
    await expect(page).toHaveURL(/\/arena$/);
    expect(new URL(page.url()).origin).toBe(baseURL);
  });

  test("signing in through that link stays on the site", async ({ page, baseURL, request }) => {
    const email = `redirect-form-${Date.now()}@example.com`;
    expect((await request.post("/api/signup", { data: { email, password: PASSWORD } })).status()).toBe(201);
    for (const link of [
      PHISH,
      "/signin?callbackUrl=//evil.example",
      "/signin?callbackUrl=https://evil.example/",
      "/signin?callbackUrl=%09/evil.example",
    ]) {
      await page.context().clearCookies();
      await page.goto(link);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
      expect(new URL(page.url()).origin, link).toBe(baseURL);
    }
  });
});

test.describe("bad input is a 4xx with a message, never a 500", () => {
  test("NUL bytes, undecodable paths, impossible dates and long filter lists", async ({ request, playwright, baseURL }) => {
    const expect4xx = async (response: Awaited<ReturnType<APIRequestContext["get"]>>, status: number, text: RegExp) => {
      expect(response.status(), response.url()).toBe(status);
      expect(await response.text(), response.url()).toMatch(text);
    };
    await expect4xx(await request.get("/models/%ZZ"), 400, /malformed percent-encoding/);
    await expect4xx(await request.get("/models/%00"), 400, /NUL/);
    await expect4xx(await request.get("/leaderboard?country=B%00R"), 400, /NUL/);
    await expect4xx(await request.get("/api/leaderboard?country=%00"), 400, /NUL/);
    await expect4xx(await request.get("/api/snapshots/%ZZ"), 400, /malformed percent-encoding/);
    await expect4xx(await request.get("/api/leaderboard?from=2024-13-45"), 400, /does not exist/);
    await expect4xx(await request.get("/api/leaderboard?from=2025-02-30"), 400, /does not exist/);
    await expect4xx(
      await request.post("/api/signup", { data: { email: "nul\u0000@example.com", password: "password123" } }),
      400,
      /email.*NUL/,
    );
    await expect4xx(
      await request.post("/api/signup", {
        headers: { "content-type": "application/json" },
        data: '{"email":"\\ud800@example.com","password":"password123"}',
      }),
      400,
      /surrogate/,
    );

    await newContributor(request, "bad-input");
    await expect4xx(await request.post("/api/battles/a%00b/vote", { data: { outcome: "A" } }), 400, /NUL/);
    await expect4xx(await request.post("/api/battles/%ZZ/vote", { data: { outcome: "A" } }), 400, /malformed/);
    await expect4xx(await request.post("/api/battles", { data: { prompt: "hello\u0000world" } }), 400, /prompt.*NUL/);

    // 3,000 invalid country codes: a short, summarised answer (it echoed 207 KB before).
    const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    // Three letters: never an ISO 3166-1 alpha-2 code (3,000 of them fit in Node's 16 KB request head).
    const codes = Array.from(
      { length: 3000 },
      (_, i) => `${letters[Math.floor(i / 676)]}${letters[Math.floor(i / 26) % 26]}${letters[i % 26]}`,
    ).join(",");
    const long = await request.get(`/api/leaderboard?country=${codes}`);
    expect(long.status()).toBe(400);
    const body = await long.text();
    expect(body.length).toBeLessThan(1000);
    expect(body).toContain("At most 300 values");
    const invalid = await request.get(`/api/leaderboard?country=${codes.split(",").slice(0, 250).join(",")}`);
    expect(invalid.status()).toBe(400);
    expect(await invalid.text()).toMatch(/250 values were ignored/);

    // The audit log as an admin: an impossible date is a notice on the page, not an error page.
    const admin = await playwright.request.newContext({ baseURL });
    await signInNewAdmin(admin, "audit-dates");
    for (const query of ["from=2024-13-45", "to=2023-02-29", "from=yesterday", "actor=a%00b"]) {
      const audit = await admin.get(`/admin/audit?${query}`);
      expect(audit.status(), query).toBeLessThan(500);
    }
    const notice = await admin.get("/admin/audit?from=2024-13-45");
    expect(notice.status()).toBe(200);
    expect(await notice.text()).toContain("2024-13-45");
    await admin.dispose();
  });
});

/** Streams `totalBytes` to `path` and reports when the answer came relative to what was sent. */
function upload(
  baseURL: string,
  path: string,
  totalBytes: number,
  isChunked: boolean,
): Promise<{ status: number; sentBytes: number; ms: number; body: string }> {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  const started = Date.now();
  let sent = 0;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (!isChunked) headers["content-length"] = String(totalBytes);
    const req = http.request(new URL(path, baseURL), { method: "POST", headers });
    req.on("response", (res) => {
      const atResponse = sent;
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, sentBytes: atResponse, ms: Date.now() - started, body });
      });
    });
    req.on("error", reject);
    const pump = () => {
      while (sent < totalBytes && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

test("a 200 MB body is refused with 413 long before it has been sent", async ({ baseURL }) => {
  const total = 200 * 1024 * 1024;
  for (const [path, isChunked] of [
    ["/api/signup", false],
    ["/api/signup", true],
    ["/api/auth/callback/credentials", false],
    ["/api/auth/callback/credentials", true],
  ] as const) {
    const result = await upload(baseURL!, path, total, isChunked);
    expect(result.status, `${path} chunked=${isChunked}`).toBe(413);
    expect(JSON.parse(result.body).error.code).toBe("payload_too_large");
    // The server answered while the client still had most of the body to send.
    expect(result.sentBytes, `${path} chunked=${isChunked}: ${result.sentBytes} bytes sent before the answer`).toBeLessThan(total / 4);
  }
});
