import { IntentLink } from "@/components/ui/intent-link";
import { useTranslations } from "next-intl";
import type { Leaderboard } from "@/lib/queries/leaderboard";

/** States how many votes the leaderboard leaves out, by reason (server or client component). */
export function ExcludedVotesNotice({ excluded }: { excluded: Leaderboard["excludedVotes"] }) {
  const t = useTranslations("leaderboard");
  return (
    <div className="text-sm text-slate-600" data-testid="excluded-votes">
      <p>
        <span data-testid="excluded-total" data-count={excluded.total}>
          {t("excludedVotes", { total: excluded.total })}
        </span>{" "}
        {excluded.total > 0 && (
          <IntentLink href="/methodology#integrity" className="underline underline-offset-2">
            {t("excludedHow")}
          </IntentLink>
        )}
      </p>
      {excluded.total > 0 && (
        <ul className="ms-5 list-disc">
          <li data-testid="excluded-identity-leak" data-count={excluded.identityLeak}>
            {t("excludedIdentityLeak", { count: excluded.identityLeak })}
          </li>
          <li data-testid="excluded-voters" data-count={excluded.excludedVoters}>
            {t("excludedVoters", { count: excluded.excludedVoters })}
          </li>
          {excluded.replay > 0 && (
            <li data-testid="excluded-replay" data-count={excluded.replay}>
              {t("excludedReplay", { count: excluded.replay })}
            </li>
          )}
          {excluded.unverifiedVoters > 0 && (
            <li data-testid="excluded-unverified" data-count={excluded.unverifiedVoters}>
              {t("excludedUnverified", { count: excluded.unverifiedVoters })}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
