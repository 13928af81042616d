/**
 * Identity-leak detection: does a response name a roster model or organization? Pure (no I/O).
 * A battle with a leak still takes the vote, but the vote is flagged and left out of leaderboards.
 */

/** The rule in one sentence, for the methodology page. */
export const IDENTITY_LEAK_RULE =
  'A vote is flagged as an identity leak, and left out of every leaderboard, when either response names a model or organization on the roster (its name, display name, model family such as "Claude", "GPT-4", "Gemini" or "Llama", or organization such as "OpenAI" or "Anthropic") as a whole word. Short or common words are matched case-sensitively.';

export interface RosterIdentity {
  name: string;
  displayName: string;
  organization: string;
}

/** Terms shorter than this, or ordinary English words, match only with the exact capitalisation. */
const SHORT_TERM = 6;
const COMMON_WORDS = new Set([
  "meta",
  "google",
  "mistral",
  "command",
  "claude",
  "gemini",
  "phi",
  "yi",
  "qwen",
  "grok",
  "llama",
  "falcon",
  "vicuna",
  "alpaca",
  "apple",
  "amazon",
  "cohere",
  "together",
]);
/** Words that appear in model names but identify nothing on their own. */
const GENERIC = new Set([
  "chat",
  "instruct",
  "turbo",
  "preview",
  "latest",
  "mini",
  "large",
  "small",
  "medium",
  "base",
  "pro",
  "plus",
  "ultra",
  "flash",
  "lite",
  "nano",
  "opus",
  "sonnet",
  "haiku",
  "max",
  "hf",
  "it",
  "the",
  "model",
  "open",
  "ai",
  "labs",
  "v",
  "beta",
  "alpha",
  "vision",
  "code",
  "online",
  "experimental",
  "exp",
]);

/**
 * The distinctive terms of one roster entry: its name, display name and organization, and the
 * family word of its name (the leading alphabetic part of the first token, with a version number
 * attached when the name starts "gpt-4"-style, e.g. "GPT-4", "Claude", "Llama", "Gemini").
 */
export function identityTerms(entry: RosterIdentity): string[] {
  const terms = new Set<string>();
  for (const value of [entry.displayName, entry.name, entry.organization]) {
    const trimmed = value.trim();
    const bare = trimmed.replace(/\s*\([^)]*\)/g, "").trim(); // "GPT-4o (2024-05-13)" -> "GPT-4o"
    for (const term of [trimmed, bare]) if (term.length >= 2) terms.add(term);
    for (const [, inner] of trimmed.matchAll(/\(([\p{L}][\p{L} .]*)\)/gu)) terms.add(inner.trim()); // "Alibaba (Qwen)"
  }
  for (const value of [entry.displayName, entry.name]) {
    const family = familyOf(value);
    if (family) terms.add(family);
  }
  return [...terms];
}

function familyOf(name: string): string | null {
  const versioned = /^([A-Za-z]{2,3})-(\d+(?:\.\d+)?)(?![\d.]*[bBkKmM])/.exec(name.trim());
  if (versioned) return `${versioned[1]}-${versioned[2]}`; // "GPT-4", not "GPT"
  const first = /^[A-Za-z]{3,}/.exec(name.trim())?.[0];
  if (!first || GENERIC.has(first.toLowerCase())) return null;
  return first;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Case-sensitive for short or common words ("Meta", "Phi"), else case-insensitive; word-bounded. */
function termPattern(term: string): RegExp {
  const isStrict = term.length < SHORT_TERM || COMMON_WORDS.has(term.toLowerCase());
  const body = escapeRegExp(term).replace(/[-\s]+/g, "[-\\s]?");
  // Word boundaries against letters of alphabetic scripts only: "我是Claude" names Claude.
  const letter = "[\\p{Script=Latin}\\p{Script=Greek}\\p{Script=Cyrillic}\\p{N}]";
  return new RegExp(`(?<!${letter})${body}(?!${letter})`, isStrict ? "u" : "iu");
}

/** Every roster term found in any of the texts (deduplicated, in roster order). */
export function findIdentityLeaks(texts: readonly string[], roster: readonly RosterIdentity[]): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  for (const entry of roster) {
    for (const term of identityTerms(entry)) {
      const key = term.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const pattern = termPattern(term);
      if (texts.some((text) => pattern.test(text))) found.push(term);
    }
  }
  return found;
}
