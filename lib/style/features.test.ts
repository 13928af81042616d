import { describe, expect, it } from "vitest";
import { estimateTokens, styleFeatures } from "./features";

const none = { outputTokens: null, latencyMs: null, firstTokenMs: null };

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
    expect(styleFeatures(text, none)).toMatchObject({ headers: 2, listItems: 4, boldSpans: 2, codeBlocks: 1 });
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
});
