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

/** Markdown outside fenced code blocks (a "#" in code is not a header). */
function withoutCode(text: string): string {
  return text.replace(/^ {0,3}(```|~~~)[^\n]*\n[\s\S]*?(^ {0,3}\1[^\n]*$|$(?![\s\S]))/gm, "");
}

/** Counts the style features of one response. */
export function styleFeatures(text: string, measured: { outputTokens: number | null; latencyMs: number | null; firstTokenMs: number | null }): StyleFeatures {
  const prose = withoutCode(text);
  return {
    chars: [...text].length,
    tokens: measured.outputTokens ?? estimateTokens(text),
    isTokensEstimated: measured.outputTokens === null,
    headers: (prose.match(/^ {0,3}#{1,6}[ \t]+\S/gm) ?? []).length,
    listItems: (prose.match(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S/gm) ?? []).length,
    boldSpans: (prose.match(/(\*\*|__)(?=\S)[\s\S]+?(?<=\S)\1/g) ?? []).length,
    codeBlocks: (text.match(/^ {0,3}(```|~~~)[^\n]*\n[\s\S]*?^ {0,3}\1/gm) ?? []).length,
    latencyMs: measured.latencyMs,
    firstTokenMs: measured.firstTokenMs,
  };
}
