import { z } from "zod";
import { ProviderError } from "./provider-error";
import { loadReplayCorpus } from "./replay-corpus";
import type { GenerateRequest, ResponseProvider, StreamEvent } from "./types";

export const REPLAY_SOURCE = "replay";

const replayConfig = z.object({ replayName: z.string().min(1).optional() });

/** The corpus key of a model: its `replayName` setting, or its roster name. */
function replayKey(request: GenerateRequest): string {
  const parsed = replayConfig.safeParse(request.model.providerConfig ?? {});
  return (parsed.success && parsed.data.replayName) || request.model.name;
}

function recordedText(request: GenerateRequest): string | undefined {
  if (request.prompt.source !== REPLAY_SOURCE) return undefined;
  return loadReplayCorpus().get(request.prompt.externalId)?.outputs[replayKey(request)];
}

/** Serves the recorded response of a real model to a corpus prompt, as one piece. */
export const replayProvider: ResponseProvider = {
  kind: "replay",
  canAnswer(request) {
    return typeof recordedText(request) === "string";
  },
  async *stream(request): AsyncGenerator<StreamEvent> {
    const text = recordedText(request);
    if (text === undefined)
      throw new ProviderError("provider_error", `The replay corpus has no response of ${request.model.name} to this prompt.`);
    yield { type: "delta", text };
  },
};
