import { describe, expect, it } from "vitest";
import { createRng } from "@/lib/rating/rng";
import { estimateTokens, markdownCounts, styleFeatures, voteStyleColumns } from "./features";

const none = { outputTokens: null, latencyMs: null, firstTokenMs: null };

const FASTCHAT_CASES: [text: string, headers: number, lists: number, bold: number][] = [
  [
    "# Title\nSome **bold** and __also bold__ text.\n## Steps\n1. first\n2) second\n- bullet\n* star\n```python\n# not a header\n- not a list item\n```\n####no space is not a header",
    2,
    3,
    2,
  ],
  ["####### seven hashes\n###### six\n  # indented header\n#\tTab header\n#\n", 3, 0, 0],
  ["1. one\n   2. nested\n10.ten\n\n\n3. after blank lines\n-dash without space\n+ plus\n * star indented\n* * * rule", 0, 6, 0],
  ["**a** **b** ****\n**not\nclosed** __x__ __ y __ ___z___ **bold with __inner__**", 0, 0, 7],
  ["Text ```inline code **not bold**``` then **bold**\nAnd the same: inline code **not bold** again", 0, 0, 1],
  ["```\n- a\n```\n- b\n```js\nunclosed # block\n- c", 0, 2, 0],
  ["\u0661. Arabic-Indic digit\n#\u00a0nbsp header\n-\u3000ideographic space item\n# header\r\n- crlf item\r\n", 2, 3, 0],
  ["## Header\n\n- **Item one**: text\n- **Item two**: text\n\n1. __Step__\n2. Step", 1, 4, 3],
  ["#\u0085next-line char is whitespace to Python\n-\ufeffBOM is not\n\u001c1.\u001fseparators are\n", 1, 1, 0],
];

describe("style features", () => {
  it("counts markdown headers, list items, bold spans and code blocks", () => {
    const text = [
      "# Title",
      "Some **bold** and __also bold__ text.",
      "## Steps",
      "1. first",
      "2) second",
      "- bullet",
      "* star",
      "```python",
      "# not a header",
      "- not a list item",
      "```",
      "####no space is not a header",
    ].join("\n");
    // "2) second" is not a list item for LMArena (only "1." style), so 3 items
    expect(styleFeatures(text, none)).toMatchObject({ headers: 2, listItems: 3, boldSpans: 2, codeBlocks: 1 });
  });

  // Expected counts computed by FastChat's own count_markdown_elements(remove_pattern(text, "```([^`]*)```")) in
  // Python (fastchat/serve/monitor/add_markdown_info.py), summing header levels, list kinds and bold kinds.
  it.each(FASTCHAT_CASES)("counts markdown as LMArena's conv_metadata does: %j", (text, headers, lists, bold) => {
    expect(markdownCounts(text)).toEqual({ headers, lists, bold });
  });

  it("uses the provider's token count when reported and flags estimates otherwise", () => {
    expect(styleFeatures("hello world", { outputTokens: 3, latencyMs: 1200, firstTokenMs: 300 })).toEqual({
      chars: 11,
      tokens: 3,
      isTokensEstimated: false,
      headers: 0,
      listItems: 0,
      boldSpans: 0,
      codeBlocks: 0,
      latencyMs: 1200,
      firstTokenMs: 300,
    });
    expect(styleFeatures("hello world", none)).toMatchObject({ tokens: 3, isTokensEstimated: true });
  });

  it.each([
    ["", 0],
    ["abcd", 1],
    ["abcde", 2],
    ["你好世界", 4],
  ])("estimates tokens of %j as %i", (text, tokens) => {
    expect(estimateTokens(text)).toBe(tokens);
  });

  it("counts characters as code points", () => {
    expect(styleFeatures("😀é", none).chars).toBe(2);
  });

  it("counts list items as FastChat's regular expressions would, on random text", () => {
    // the regular expressions themselves, translated (Python's \s, \d and MULTILINE ^): the linear count must agree
    const space = "[\\t\\n\\v\\f\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
    const ordered = new RegExp(`(?<![^\\n])${space}*\\p{Nd}+\\.${space}`, "gu");
    const unordered = new RegExp(`(?<![^\\n])${space}*[-*+]${space}`, "gu");
    const alphabet = ["1", "23", ".", " ", "\n", "\n", "\t", "-", "*", "+", "a", "\u0661", "\u00a0", "\r"];
    const rng = createRng(17);
    for (let trial = 0; trial < 2000; trial++) {
      const text = Array.from({ length: Math.floor(rng() * 40) }, () => alphabet[Math.floor(rng() * alphabet.length)]).join("");
      const expected = (text.match(ordered) ?? []).length + (text.match(unordered) ?? []).length;
      expect(markdownCounts(text).lists, JSON.stringify(text)).toBe(expected);
    }
  });

  it("stays fast on an answer of blank lines (the regular expressions are quadratic there)", () => {
    const started = performance.now();
    expect(markdownCounts(`intro${"\n".repeat(200_000)}- item`)).toEqual({ headers: 0, lists: 1, bold: 0 });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("gives a vote its battle's stored features per side, unknown where a record is missing or malformed", () => {
    const a = styleFeatures("# Title\n- one\n- two\n**bold**", { outputTokens: 42, latencyMs: 900, firstTokenMs: 100 });
    const b = styleFeatures("plain", none);
    expect(voteStyleColumns(JSON.parse(JSON.stringify(a)), b)).toEqual({
      tokensA: 42,
      tokensB: 2,
      headersA: 1,
      headersB: 0,
      listsA: 2,
      listsB: 0,
      boldA: 1,
      boldB: 0,
    });
    expect(voteStyleColumns(null, { tokens: 1.5 })).toEqual({
      tokensA: null,
      tokensB: null,
      headersA: null,
      headersB: null,
      listsA: null,
      listsB: null,
      boldA: null,
      boldB: null,
    });
  });
});
