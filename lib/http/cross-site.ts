import { webEnv } from "@/lib/env";

/** Methods that change state; only these are checked (GET and HEAD must not change anything). */
export const UNSAFE_METHODS: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Hosts (name:port) this app answers as: the public URL's, and the Host the request was sent to. */
function ownHosts(headers: Headers): Set<string> {
  const hosts = new Set<string>();
  const publicUrl = webEnv().NEXTAUTH_URL;
  if (publicUrl) hosts.add(new URL(publicUrl).host.toLowerCase());
  // Browsers set Host themselves and a cross-site page cannot add X-Forwarded-Host without a CORS
  // preflight (which this app never grants), so both name the site the browser believes it talks to.
  for (const name of ["host", "x-forwarded-host"]) {
    const value = headers.get(name)?.split(",")[0]?.trim().toLowerCase();
    if (value) hosts.add(value);
  }
  return hosts;
}

function hostOfOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * Why a state-changing request must be refused as cross-site, or null. Browsers label every request:
 * `Sec-Fetch-Site` (cross-site and same-site are refused: the app's own pages only ever send
 * same-origin requests, and a sibling subdomain can be someone else's or compromised, and SameSite
 * cookies do not stop it) and `Origin` (must name this app; "null" is a sandboxed or opaque page).
 * Requests with neither header come from scripts and the CLI (curl, customers' programs), which carry
 * no ambient cookies to abuse, and stay allowed.
 */
export function crossSiteReason(method: string, headers: Headers): string | null {
  if (!UNSAFE_METHODS.has(method.toUpperCase())) return null;
  const site = headers.get("sec-fetch-site")?.trim().toLowerCase();
  if (site === "cross-site" || site === "same-site") return `The browser marked this request ${site} (Sec-Fetch-Site).`;
  const origin = headers.get("origin");
  if (origin === null) return null;
  const host = hostOfOrigin(origin.trim());
  if (!host || !ownHosts(headers).has(host)) return `It was sent from another site (Origin: ${origin.slice(0, 100)}).`;
  return null;
}
