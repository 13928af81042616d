import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findIdentityLeaks, identityTerms, IDENTITY_LEAK_RULE } from "./identity-leak";

const roster = JSON.parse(fs.readFileSync(path.join(process.cwd(), "data/replay/models.json"), "utf8")).models as {
  name: string;
  displayName: string;
  organization: string;
}[];

describe("identity leak detection", () => {
  it("derives family words and bare display names from roster entries", () => {
    const terms = roster.flatMap(identityTerms);
    for (const term of [
      "Claude",
      "GPT-4",
      "GPT-4o",
      "Gemini",
      "Llama",
      "OpenAI",
      "Anthropic",
      "Google",
      "Meta",
      "Qwen",
      "Alibaba",
      "Mistral AI",
      "Claude 3.5 Sonnet",
    ]) {
      expect(terms).toContain(term);
    }
    expect(terms).not.toContain("GPT");
    expect(terms).not.toContain("Instruct");
  });

  it.each([
    ["As Claude, made by Anthropic, I can help.", ["Claude", "Anthropic"]],
    ["I was trained by OpenAI.", ["OpenAI"]],
    ["I am GPT-4, a large language model.", ["GPT-4"]],
    ["I'm based on GPT-4o.", ["GPT-4o"]],
    ["I am Gemini, built by Google.", ["Gemini", "Google"]],
    ["Meta AI's Llama 3 here.", ["Meta", "Llama"]],
    ["openai and ANTHROPIC in other cases", ["OpenAI", "Anthropic"]],
    ["I am a large language model.", []],
    ["Let's meta-analyse the google results; the llama grazes.", []],
    ["Anthropics and OpenAIs are not words here; Claudette neither.", []],
    ["The word metadata contains meta, and geminid is a meteor.", []],
    ["我是Claude，由Anthropic开发。", ["Claude", "Anthropic"]],
  ])("%s", (text, expected) => {
    expect(findIdentityLeaks([text], roster).sort()).toEqual([...expected].sort());
  });

  it("looks at both responses", () => {
    expect(findIdentityLeaks(["Fine answer.", "As Qwen, I think"], roster)).toEqual(["Qwen"]);
  });

  it("states the rule in words for the methodology page", () => {
    expect(IDENTITY_LEAK_RULE).toMatch(/flagged/);
  });
});
