import { z } from "zod";
import { AppError } from "@/lib/errors";
import { loadReplayCorpus } from "./replay-corpus";
import type { GenerateRequest, GenerateResult, ResponseProvider } from "./types";

export const REPLAY_SOURCE = "replay";

const replayConfig = z.object({ replayName: z.string().min(1).optional() });

/** The corpus key of a model: its `replayName` setting, or its roster name. */
function replayKey(request: GenerateRequest): string {
  const parsed = replayConfig.safeParse(request.model.providerConfig ?? {});
  return (parsed.success && parsed.data.replayName) || request.model.name;
}

/** Serves the recorded response of a real model to a corpus prompt. */
export const replayProvider: ResponseProvider = {
  kind: "replay",
  canAnswer(request) {
    if (request.prompt.source !== REPLAY_SOURCE) return false;
    const row = loadReplayCorpus().get(request.prompt.externalId);
    return row !== undefined && typeof row.outputs[replayKey(request)] === "string";
  },
  async generate(request): Promise<GenerateResult> {
    const row = request.prompt.source === REPLAY_SOURCE ? loadReplayCorpus().get(request.prompt.externalId) : undefined;
    const text = row?.outputs[replayKey(request)];
    if (text === undefined) {
      throw new AppError("not_found", `The replay corpus has no response of ${request.model.name} to this prompt.`);
    }
    return { text };
  },
};
