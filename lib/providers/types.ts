/** What a provider needs to answer: the model's roster settings and the prompt. */
export interface GenerateRequest {
  model: { name: string; provider: string; providerConfig: unknown };
  prompt: { source: string; externalId: string; text: string };
  /** The decrypted API key, held only in memory while calling (never logged or returned). */
  apiKey?: string;
}

/** One piece of a streamed answer: more text, or the token counts the provider reported. */
export type StreamEvent = { type: "delta"; text: string } | { type: "usage"; inputTokens?: number; outputTokens?: number };

/** A finished answer with its real measurements. */
export interface GenerateResult {
  text: string;
  /** Milliseconds from the request to the first text, and to the end of the answer. */
  firstTokenMs: number | null;
  latencyMs: number;
  /** Output tokens as reported by the provider (null when it did not report them). */
  outputTokens: number | null;
}

/** A source of model responses (the replay corpus, or a live HTTP API). */
export interface ResponseProvider {
  readonly kind: string;
  /** Whether this provider can answer this prompt for this model. */
  canAnswer(request: GenerateRequest): boolean;
  /** The answer as text deltas (and possibly a usage event); aborted through `signal`. */
  stream(request: GenerateRequest, signal: AbortSignal): AsyncIterable<StreamEvent>;
}
