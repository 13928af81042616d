import { z } from "zod";

/**
 * Per-response style features that analysts use for style control (length, markdown, latency).
 * Pure: measured on the stored text plus the provider's reported numbers.
 */
export interface StyleFeatures {
  chars: number;
  tokens: number;
  /** True when `tokens` is an estimate (the provider did not report its usage). */
  isTokensEstimated: boolean;
  headers: number;
  listItems: number;
  boldSpans: number;
  codeBlocks: number;
  latencyMs: number | null;
  firstTokenMs: number | null;
}

/**
 * A tokenizer-free estimate: about 4 characters per token for Latin text (OpenAI's rule of thumb),
 * and one token per CJK character (those scripts tokenize roughly per character).
 */
export function estimateTokens(text: string): number {
  const cjk = (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu) ?? []).length;
  const rest = [...text].length - cjk;
  return cjk + Math.ceil(rest / 4);
}

/**
 * Python's `\s` (what `str.isspace` accepts), which FastChat's regular expressions use: JavaScript's `\s` differs
 * (it lacks \x1c–\x1f and \x85, and has \ufeff).
 */
const PY_SPACE = "[\\t\\n\\v\\f\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
/** Python's `^` under re.MULTILINE: the start, or just after "\n" (JavaScript's `m` flag also takes \r, \u2028, \u2029). */
const LINE_START = "(?<![^\\n])";
const HEADER_LEVELS = [1, 2, 3, 4, 5, 6].map((level) => new RegExp(`${LINE_START}#{${level}}${PY_SPACE}`, "gu"));
const IS_PY_SPACE = new RegExp(`^${PY_SPACE}$`, "u");
/** `\d` of a Python str pattern is any Unicode decimal digit. */
const IS_DIGIT = /^\p{Nd}$/u;
const BOLD_STARS = /\*\*[^*\n]+\*\*/g;
const BOLD_UNDERSCORES = /__[^_\n]+__/g;
const CODE_BLOCK = /```([^`]*)```/g;

const count = (text: string, pattern: RegExp): number => (text.match(pattern) ?? []).length;

/** Markdown elements of an answer, as LMArena's conv_metadata counts them. */
export interface MarkdownCounts {
  /** Headers of every level (h1 … h6). */
  headers: number;
  /** List items, ordered ("1. ") and unordered ("- ", "* ", "+ "). */
  lists: number;
  /** Bold spans, ** and __. */
  bold: number;
}

/**
 * Counts headers, list items and bold spans exactly as FastChat's `add_markdown_info.py` does for LMArena's
 * conv_metadata (`count_markdown_elements` after `remove_pattern`), so live, replayed and imported votes carry
 * comparable style features: code is removed first by deleting every occurrence of the text inside each ```…```
 * block (no backtick inside; the fences stay), then headers are lines starting with 1–6 "#" and a space
 * (`^#{n}\s`, no indentation), list items lines starting, after any whitespace, with "<digits>. " or "-"/"*"/"+"
 * and a space (`^\s*\d+\.\s`, `^\s*[-*+]\s`), and bold spans `\*\*[^*\n]+\*\*` and `__[^_\n]+__` — Python's
 * semantics of `^`, `\s` and `\d` included. Cost O(text length · (10 + code blocks)).
 */
export function markdownCounts(text: string): MarkdownCounts {
  let prose = text;
  // Python's str.replace(block, "") on every block found, in order; an empty block changes nothing (and split("")
  // would cost O(length) per block)
  for (const [, block] of text.matchAll(CODE_BLOCK)) if (block) prose = prose.split(block).join("");
  return {
    headers: HEADER_LEVELS.reduce((sum, pattern) => sum + count(prose, pattern), 0),
    lists: countListItems(prose),
    bold: count(prose, BOLD_STARS) + count(prose, BOLD_UNDERSCORES),
  };
}

/**
 * Matches of FastChat's `^\s*\d+\.\s` plus those of `^\s*[-*+]\s` (re.MULTILINE), counted in linear time. As
 * regular expressions they are quadratic on long runs of blank lines (each line start's `\s*` rescans the rest of
 * the run: 40,000 newlines took 2.4 s), and a model's answer can be that. Equivalent count: `\s*` crosses newlines,
 * so a match from a line start p exists exactly when the first non-space character q after p begins a marker
 * ("<digits>." or one of -*+, then a space), and every line start in the same run of spaces reaches the same q,
 * of which findall counts one; so the count is the number of distinct such q. Cost O(text length).
 */
function countListItems(text: string): number {
  const chars = [...text]; // code points, as Python's str indexes them
  const n = chars.length;
  let items = 0;
  let reached = -1; // the q of the last line start examined: line starts up to it share it
  for (let p = 0; p < n; p++) {
    if (p > 0 && chars[p - 1] !== "\n") continue;
    if (p <= reached) continue;
    let q = p;
    while (q < n && IS_PY_SPACE.test(chars[q]!)) q++;
    reached = q;
    let end = q;
    if (end < n && "-*+".includes(chars[end]!)) end++;
    else {
      while (end < n && IS_DIGIT.test(chars[end]!)) end++;
      if (end === q || chars[end] !== ".") continue;
      end++;
    }
    if (end < n && IS_PY_SPACE.test(chars[end]!)) items++;
  }
  return items;
}

/**
 * Counts the style features of one response: headers, list items and bold spans as LMArena counts them
 * (`markdownCounts`), so they can be compared with imported conv_metadata; fenced code blocks as CommonMark sees them.
 */
export function styleFeatures(
  text: string,
  measured: { outputTokens: number | null; latencyMs: number | null; firstTokenMs: number | null },
): StyleFeatures {
  const markdown = markdownCounts(text);
  return {
    chars: [...text].length,
    tokens: measured.outputTokens ?? estimateTokens(text),
    isTokensEstimated: measured.outputTokens === null,
    headers: markdown.headers,
    listItems: markdown.lists,
    boldSpans: markdown.bold,
    codeBlocks: (text.match(/^ {0,3}(```|~~~)[^\n]*\n[\s\S]*?^ {0,3}\1/gm) ?? []).length,
    latencyMs: measured.latencyMs,
    firstTokenMs: measured.firstTokenMs,
  };
}

/** The eight style columns of a Vote: tokens, headers, list items and bold spans of answer A and of answer B (null: unknown). */
export interface VoteStyle {
  tokensA: number | null;
  tokensB: number | null;
  headersA: number | null;
  headersB: number | null;
  listsA: number | null;
  listsB: number | null;
  boldA: number | null;
  boldB: number | null;
}

const storedCount = z.number().int().min(0).max(2_147_483_647);
/** The part of a stored `StyleFeatures` record (Battle.featuresA/B) that votes carry. */
const storedFeatures = z.object({ tokens: storedCount, headers: storedCount, listItems: storedCount, boldSpans: storedCount });

/**
 * A vote's style columns from its battle's stored per-side features (Battle.featuresA/B, written by `styleFeatures`
 * when the answers were generated, replayed or live), so arena votes carry the same features as imported ones.
 * A side whose record is missing (battles from before features were stored) or not a `StyleFeatures` is unknown
 * (null) rather than a reason to refuse the vote. Cost O(1).
 */
export function voteStyleColumns(featuresA: unknown, featuresB: unknown): VoteStyle {
  const a = storedFeatures.safeParse(featuresA);
  const b = storedFeatures.safeParse(featuresB);
  return {
    tokensA: a.success ? a.data.tokens : null,
    tokensB: b.success ? b.data.tokens : null,
    headersA: a.success ? a.data.headers : null,
    headersB: b.success ? b.data.headers : null,
    listsA: a.success ? a.data.listItems : null,
    listsB: b.success ? b.data.listItems : null,
    boldA: a.success ? a.data.boldSpans : null,
    boldB: b.success ? b.data.boldSpans : null,
  };
}
