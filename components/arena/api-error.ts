import type { useTranslations } from "next-intl";

type ArenaT = ReturnType<typeof useTranslations<"arena">>;

/** The shape of an error answer of the arena's API routes. */
interface ApiErrorBody {
  error?: { code?: string; message?: string; details?: Record<string, string> };
}

/**
 * A translated, actionable message for a failed arena request (API error texts are English;
 * the contributor sees their own language, with the retry time of a rate limit).
 */
export async function arenaErrorMessage(response: Response, t: ArenaT, action: "battle" | "vote"): Promise<string> {
  const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
  const code = body?.error?.code;
  const seconds = Number(body?.error?.details?.retryAfterSeconds ?? response.headers.get("retry-after") ?? 60);
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  switch (code) {
    case "rate_limited":
      return action === "battle" ? t("errors.rateLimitedBattle", { minutes }) : t("errors.rateLimitedVote", { minutes });
    case "no_models":
      return t("errors.noModels");
    case "vote_already_cast":
      return t("errors.alreadyVoted");
    case "battle_closed":
      return /not finished/i.test(body?.error?.message ?? "") ? t("errors.notFinished") : t("errors.closed");
    case "profile_incomplete":
      return t("errors.profile");
    case "unauthorized":
      return t("errors.signIn");
    case "invalid_input":
      return t("errors.invalidPrompt", { message: body?.error?.details?.prompt ?? body?.error?.message ?? "" });
    default:
      return t("errors.generic");
  }
}
