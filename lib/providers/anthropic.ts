import { z } from "zod";
import { providerConfigSchemas } from "./config";
import { providerFetch } from "./guarded-fetch";
import { ProviderError } from "./provider-error";
import { checkHttpStatus, parseEventJson, readSse } from "./sse";
import type { ResponseProvider, StreamEvent } from "./types";

const NAME = "The Anthropic provider";
const DEFAULT_MAX_TOKENS = 1024;

const eventSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("message_start"),
    message: z.object({ usage: z.object({ input_tokens: z.number().int().optional() }).optional() }),
  }),
  z.object({ type: z.literal("content_block_start") }),
  z.object({ type: z.literal("content_block_delta"), delta: z.object({ type: z.string(), text: z.string().optional() }) }),
  z.object({ type: z.literal("content_block_stop") }),
  z.object({ type: z.literal("message_delta"), usage: z.object({ output_tokens: z.number().int().nonnegative() }).optional() }),
  z.object({ type: z.literal("message_stop") }),
  z.object({ type: z.literal("ping") }),
  z.object({ type: z.literal("error") }),
]);

const KNOWN_TYPES = new Set<string>(eventSchema.options.map((o) => o.shape.type.value));

/** POST {baseUrl}/v1/messages with stream: true (Anthropic's Messages API). */
export const anthropicProvider: ResponseProvider = {
  kind: "anthropic",
  canAnswer(request) {
    return providerConfigSchemas.anthropic.safeParse(request.model.providerConfig).success;
  },
  async *stream(request, signal): AsyncGenerator<StreamEvent> {
    const config = providerConfigSchemas.anthropic.parse(request.model.providerConfig);
    const headers: Record<string, string> = { "content-type": "application/json", "anthropic-version": "2023-06-01" };
    if (request.apiKey) headers["x-api-key"] = request.apiKey;
    const body = {
      model: config.modelId,
      max_tokens: config.maxTokens ?? DEFAULT_MAX_TOKENS,
      stream: true,
      messages: [{ role: "user", content: request.prompt.text }],
      ...(config.systemPrompt ? { system: config.systemPrompt } : {}),
      ...(config.temperature !== undefined ? { temperature: Math.min(config.temperature, 1) } : {}),
    };
    const response = await providerFetch(`${config.baseUrl.replace(/\/+$/, "")}/v1/messages`, {
      method: "POST",
      headers,
      body: JSON.stringify(body),
      signal,
    });
    let inputTokens: number | undefined;
    let isStopped = false;
    for await (const message of readSse(checkHttpStatus(response, NAME))) {
      const json = parseEventJson(message.data, NAME);
      const parsed = eventSchema.safeParse(json);
      if (!parsed.success) {
        // New event types are allowed by Anthropic's versioning policy; a known type of the wrong shape is not.
        const type = json && typeof json === "object" && "type" in json ? json.type : undefined;
        if (typeof type === "string" && !KNOWN_TYPES.has(type)) continue;
        throw new ProviderError("provider_error", `${NAME} sent a stream event of an unexpected shape.`);
      }
      const event = parsed.data;
      if (event.type === "error") throw new ProviderError("provider_error", `${NAME} reported an error in the stream.`);
      if (event.type === "message_start") inputTokens = event.message.usage?.input_tokens;
      if (event.type === "content_block_delta" && event.delta.type === "text_delta" && event.delta.text)
        yield { type: "delta", text: event.delta.text };
      if (event.type === "message_delta" && event.usage) yield { type: "usage", inputTokens, outputTokens: event.usage.output_tokens };
      if (event.type === "message_stop") {
        isStopped = true;
        break;
      }
    }
    if (!isStopped) throw new ProviderError("provider_error", `${NAME} ended the stream without message_stop.`);
  },
};
