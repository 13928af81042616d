/**
 * The one check for every redirect to a path a visitor supplied (`?callbackUrl=`, `?next=`,
 * next-auth's redirect callback, the sign-in round trip). Only a path on this site is returned;
 * anything else gives `fallback`.
 */

const SENTINEL = "http://return-path.invalid";
const MAX_LENGTH = 2048;

/** True for a string that is, before and after one percent-decoding, a plain same-site path. */
function isPlainPath(path: string): boolean {
  if (!path.startsWith("/")) return false; // "https://evil", "javascript:…", "evil.example", "\t/evil"
  if (path[1] === "/" || path[1] === "\\") return false; // "//evil", "/\evil": scheme-relative to browsers
  if (path.includes("\\")) return false; // browsers read "\" as "/" in http(s) URLs
  // Browsers delete tabs and newlines anywhere in a URL ("/\t/evil" becomes "//evil"); no control
  // characters at all, nor Unicode line separators.
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(path)) return false;
  return true;
}

/** `value` (a query parameter, possibly repeated) when it is a same-site path, else `fallback`. */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return fallback;
  if (!isPlainPath(raw)) return fallback;
  // Decode once and check again: "/%5Cevil" and "/%2F/evil" are refused whatever a proxy or browser
  // later does with the escapes.
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return fallback;
  }
  if (!isPlainPath(decoded)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, SENTINEL);
  } catch {
    return fallback;
  }
  if (url.origin !== SENTINEL) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * next-auth's `redirect` callback: a path or an absolute URL on this site (`baseUrl`) is kept as a
 * same-site path; anything else goes to the site's root.
 */
export function safeAuthRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const base = new URL(baseUrl);
  let path: unknown = url;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    let absolute: URL;
    try {
      absolute = new URL(url);
    } catch {
      return baseUrl;
    }
    if (absolute.origin !== base.origin) return baseUrl;
    path = `${absolute.pathname}${absolute.search}${absolute.hash}`;
  }
  return `${base.origin}${safeReturnPath(path)}`;
}
