// A browser-like HTTP client for one person: keeps cookies, sends a same-origin Origin header, and
// knows the sign-up, sign-in, profile, battle, stream and vote calls. Used by the load benchmark
// and the two-replica test, which talk to real app processes.

/** No request of a run may hang it: one that takes longer fails (status 0 in the benchmark). */
const REQUEST_TIMEOUT_MS = 60_000;

export interface Timed<T> {
  status: number;
  ms: number;
  body: T;
}

/** Cookies by name, shared by every base URL the client talks to (replicas share one secret). */
export class HttpClient {
  private cookies = new Map<string, string>();

  constructor(public baseUrl: string) {}

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    return { origin: this.baseUrl, ...(cookie ? { cookie } : {}), ...extra };
  }

  /** A request with this person's cookies; the body is parsed as JSON when it is JSON. */
  async request<T = unknown>(
    method: string,
    pathname: string,
    options: { json?: unknown; form?: Record<string, string>; baseUrl?: string } = {},
  ): Promise<Timed<T>> {
    const base = options.baseUrl ?? this.baseUrl;
    const t0 = performance.now();
    let body: string | undefined;
    const extra: Record<string, string> = {};
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      extra["content-type"] = "application/json";
    } else if (options.form) {
      body = new URLSearchParams(options.form).toString();
      extra["content-type"] = "application/x-www-form-urlencoded";
    }
    const response = await fetch(`${base}${pathname}`, {
      method,
      headers: { ...this.headers(extra), origin: base },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    this.remember(response);
    const text = await response.text();
    const ms = performance.now() - t0;
    let parsed: unknown = text;
    if ((response.headers.get("content-type") ?? "").includes("json")) {
      try {
        parsed = JSON.parse(text);
      } catch {
        // keep the text
      }
    }
    return { status: response.status, ms, body: parsed as T };
  }

  /** Signs in with email and password through next-auth's credentials callback; returns its status. */
  async signIn(email: string, password: string, baseUrl = this.baseUrl): Promise<number> {
    const csrf = await this.request<{ csrfToken: string }>("GET", "/api/auth/csrf", { baseUrl });
    const login = await this.request("POST", "/api/auth/callback/credentials", {
      baseUrl,
      form: { email, password, csrfToken: csrf.body.csrfToken, json: "true" },
    });
    return login.status;
  }

  /** True when the session cookie of next-auth is held (sign-in succeeded). */
  isSignedIn(): boolean {
    return [...this.cookies.keys()].some((k) => k.includes("session"));
  }

  /**
   * Reads a battle's server-sent events to the end; returns the names of the events seen.
   * Stops on "done" or "void" (the server closes the stream then too).
   */
  async stream(battleId: string, baseUrl = this.baseUrl): Promise<Timed<string[]>> {
    const t0 = performance.now();
    const response = await fetch(`${baseUrl}/api/battles/${encodeURIComponent(battleId)}/stream`, {
      headers: this.headers(),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const events: string[] = [];
    if (response.ok && response.body) {
      const decoder = new TextDecoder();
      let buffer = "";
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          if (name) events.push(name);
        }
      }
    } else {
      await response.text();
    }
    return { status: response.status, ms: performance.now() - t0, body: events };
  }
}

/** A completed audience profile (any valid answers). */
export const BENCH_PROFILE = { country: "BR", ageBand: "25-34", education: "bachelor", language: "pt" } as const;

/** Creates an account over HTTP, signs in and completes the profile; throws on any refusal. */
export async function signUpContributor(client: HttpClient, email: string, password: string): Promise<void> {
  const signup = await client.request("POST", "/api/signup", { json: { email, password } });
  if (signup.status !== 201) throw new Error(`sign-up of ${email} answered ${signup.status}: ${JSON.stringify(signup.body)}`);
  const login = await client.signIn(email, password);
  if (login !== 200 || !client.isSignedIn()) throw new Error(`sign-in of ${email} answered ${login} without a session`);
  const profile = await client.request("PUT", "/api/profile", { json: BENCH_PROFILE });
  if (profile.status !== 200) throw new Error(`profile of ${email} answered ${profile.status}: ${JSON.stringify(profile.body)}`);
}
