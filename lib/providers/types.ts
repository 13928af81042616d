/** What a provider needs to answer: the model's roster settings and the prompt. */
export interface GenerateRequest {
  model: { name: string; provider: string; providerConfig: unknown };
  prompt: { source: string; externalId: string; text: string };
}

export interface GenerateResult {
  text: string;
}

/** A source of model responses (the replay corpus now; live HTTP providers later). */
export interface ResponseProvider {
  readonly kind: string;
  /** Whether this provider can answer this prompt for this model. */
  canAnswer(request: GenerateRequest): boolean;
  generate(request: GenerateRequest): Promise<GenerateResult>;
}
