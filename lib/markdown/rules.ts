import { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";

/**
 * What a model's answer may contain once rendered. Answers are untrusted text (a model can be
 * prompted to emit anything), so: raw HTML is skipped before parsing (react-markdown `skipHtml`),
 * the tree is then sanitised with GitHub's allow-list, only http(s) and mailto links survive, and
 * images are never loaded (the component shows a link to them instead of an <img>).
 */
export const LINK_REL = "noopener nofollow ugc";

const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/**
 * The URL a link or image may point at, or null to drop it: absolute http(s) and mailto only
 * (no javascript:, data:, vbscript:, file:, protocol-relative or site-relative tricks).
 */
export function safeUrl(url: string): string | null {
  const trimmed = url.trim();
  // Browsers ignore tabs and newlines inside a scheme ("java\nscript:"): judge what they would parse.
  const compact = trimmed.replace(/[\u0000-\u0020]/g, "");
  let parsed: URL;
  try {
    parsed = new URL(compact);
  } catch {
    return null; // relative or malformed
  }
  if (!SAFE_PROTOCOLS.has(parsed.protocol)) return null;
  if (parsed.protocol !== "mailto:" && !/^https?:\/\//i.test(compact)) return null;
  return parsed.href;
}

/** react-markdown's `urlTransform`: every href and src goes through safeUrl. */
export function markdownUrlTransform(url: string): string | null {
  return safeUrl(url);
}

const DROPPED_ATTRIBUTES = new Set(["id", "name", "accessKey", "tabIndex"]);

/**
 * GitHub's sanitising schema (what github.com allows in rendered markdown) without ids, names,
 * access keys and tab stops: two answers on one page must not collide with each other's or the
 * page's ids, nor change its keyboard order.
 */
export const SANITIZE_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    "*": (defaultSchema.attributes?.["*"] ?? []).filter((name) => typeof name !== "string" || !DROPPED_ATTRIBUTES.has(name)),
  },
};
