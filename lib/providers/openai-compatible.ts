import { z } from "zod";
import { providerConfigSchemas } from "./config";
import { providerFetch } from "./guarded-fetch";
import { ProviderError } from "./provider-error";
import { checkHttpStatus, parseEventJson, readSse } from "./sse";
import type { GenerateRequest, ResponseProvider, StreamEvent } from "./types";

const NAME = "The OpenAI-compatible provider";

const chunkSchema = z.object({
  choices: z
    .array(z.object({ delta: z.object({ content: z.string().nullish() }).nullish(), finish_reason: z.string().nullish() }))
    .default([]),
  usage: z
    .object({ prompt_tokens: z.number().int().nonnegative().optional(), completion_tokens: z.number().int().nonnegative() })
    .nullish(),
});

/** The chat completions request body: optional system prompt, the user's prompt, sampling settings. */
function requestBody(request: GenerateRequest) {
  const config = providerConfigSchemas["openai-compatible"].parse(request.model.providerConfig);
  const messages = [
    ...(config.systemPrompt ? [{ role: "system", content: config.systemPrompt }] : []),
    { role: "user", content: request.prompt.text },
  ];
  return {
    url: `${config.baseUrl.replace(/\/+$/, "")}/chat/completions`,
    body: {
      model: config.modelId,
      messages,
      stream: true,
      stream_options: { include_usage: true },
      ...(config.temperature !== undefined ? { temperature: config.temperature } : {}),
      ...(config.maxTokens !== undefined ? { max_tokens: config.maxTokens } : {}),
    },
  };
}

/**
 * POST {baseUrl}/chat/completions with stream: true; reads `data:` lines until `[DONE]`. Covers
 * OpenAI, vLLM, Ollama, OpenRouter, Together and most self-hosted servers.
 */
export const openAiCompatibleProvider: ResponseProvider = {
  kind: "openai-compatible",
  canAnswer(request) {
    return providerConfigSchemas["openai-compatible"].safeParse(request.model.providerConfig).success;
  },
  async *stream(request, signal): AsyncGenerator<StreamEvent> {
    const { url, body } = requestBody(request);
    const headers: Record<string, string> = { "content-type": "application/json", accept: "text/event-stream" };
    if (request.apiKey) headers.authorization = `Bearer ${request.apiKey}`;
    const response = await providerFetch(url, { method: "POST", headers, body: JSON.stringify(body), signal });
    let isDone = false;
    for await (const message of readSse(checkHttpStatus(response, NAME))) {
      if (message.data.trim() === "[DONE]") {
        isDone = true;
        break;
      }
      const json = parseEventJson(message.data, NAME);
      if (json && typeof json === "object" && "error" in json)
        throw new ProviderError("provider_error", `${NAME} reported an error in the stream.`);
      const chunk = chunkSchema.safeParse(json);
      if (!chunk.success) throw new ProviderError("provider_error", `${NAME} sent a stream event of an unexpected shape.`);
      for (const choice of chunk.data.choices.slice(0, 1)) {
        if (choice.delta?.content) yield { type: "delta", text: choice.delta.content };
      }
      if (chunk.data.usage)
        yield { type: "usage", inputTokens: chunk.data.usage.prompt_tokens, outputTokens: chunk.data.usage.completion_tokens };
    }
    if (!isDone) throw new ProviderError("provider_error", `${NAME} ended the stream without [DONE].`);
  },
};
