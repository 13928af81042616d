"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { isApiError, useApiErrorMessage } from "@/lib/client/api-client";

/**
 * The arena's wording for failed requests (through the one API client's translated messages):
 * a rate limit says which limit and when to retry, a closed battle says why.
 */
export function useArenaErrorMessage() {
  const t = useTranslations("arena");
  const message = useApiErrorMessage();
  return useCallback(
    (error: unknown, action: "battle" | "vote"): string => {
      if (!isApiError(error)) return t("errors.generic");
      const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
      return message(error, {
        rate_limited: action === "battle" ? t("errors.rateLimitedBattle", { minutes }) : t("errors.rateLimitedVote", { minutes }),
        no_models: t("errors.noModels"),
        vote_already_cast: t("errors.alreadyVoted"),
        battle_closed: /not finished/i.test(error.message) ? t("errors.notFinished") : t("errors.closed"),
        profile_incomplete: t("errors.profile"),
        unauthorized: t("errors.signIn"),
        invalid_input: t("errors.invalidPrompt", { message: error.details.prompt ?? error.message }),
        network: t("errors.network"),
        internal: t("errors.generic"),
        bad_response: t("errors.generic"),
      });
    },
    [message, t],
  );
}
