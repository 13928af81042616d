import { anthropicProvider } from "./anthropic";
import { openAiCompatibleProvider } from "./openai-compatible";
import { replayProvider } from "./replay";
import type { ResponseProvider } from "./types";

const PROVIDERS: Record<string, ResponseProvider> = {
  replay: replayProvider,
  "openai-compatible": openAiCompatibleProvider,
  anthropic: anthropicProvider,
};

/** The provider a model is configured with, or undefined for an unknown kind. */
export function providerFor(kind: string): ResponseProvider | undefined {
  return PROVIDERS[kind];
}

export { generateResponse } from "./generate";
export { ProviderError, isProviderError } from "./provider-error";
export type { GenerateRequest, GenerateResult, ResponseProvider, StreamEvent } from "./types";
