/**
 * Text no part of the app can store or echo faithfully: a NUL character (PostgreSQL refuses it in text
 * columns with error 22021, which used to surface as a 500) and a lone UTF-16 surrogate (UTF-8 cannot
 * encode it, so it would be silently replaced). Checked once at the boundary for URLs and JSON bodies.
 */

/** Why a string cannot be accepted, or null when it is fine. */
export function unsafeTextReason(value: string): string | null {
  if (value.includes("\u0000")) return "contains a NUL character (\\u0000)";
  if (!value.isWellFormed()) return "contains an unpaired UTF-16 surrogate";
  return null;
}

/** The first unsafe string in a parsed JSON value (keys included), with its path such as `profile.country`. */
export function findUnsafeText(value: unknown, path: string[] = []): { path: string; reason: string } | null {
  if (typeof value === "string") {
    const reason = unsafeTextReason(value);
    return reason ? { path: path.join(".") || "body", reason } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      const keyReason = unsafeTextReason(key);
      if (keyReason) return { path: [...path, "(key)"].join("."), reason: keyReason };
      const found = findUnsafeText(child, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
