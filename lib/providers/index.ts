import { replayProvider } from "./replay";
import type { ResponseProvider } from "./types";

const PROVIDERS: Record<string, ResponseProvider> = { replay: replayProvider };

/** The provider a model is configured with, or undefined for an unknown kind. */
export function providerFor(kind: string): ResponseProvider | undefined {
  return PROVIDERS[kind];
}

export type { GenerateRequest, GenerateResult, ResponseProvider } from "./types";
