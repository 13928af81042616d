import { IntentLink } from "@/components/ui/intent-link";
import { useTranslations } from "next-intl";

/**
 * Says how many of the slice's counted votes come from battles that showed a replay answer, and why that matters:
 * replay answers are public text (the shipped corpus), so a voter could look them up and recognise the models.
 */
export function ReplayVotesNotice({ count }: { count: number }) {
  const t = useTranslations("leaderboard");
  return (
    <p className="text-sm text-slate-600" data-testid="replay-votes" data-count={count}>
      {t("replayNotice", { count })}{" "}
      <IntentLink href="/methodology#replay" className="underline underline-offset-2">
        {t("replayHow")}
      </IntentLink>
    </p>
  );
}
