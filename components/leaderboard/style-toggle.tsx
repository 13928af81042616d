import { IntentLink } from "@/components/ui/intent-link";
import { useTranslations } from "next-intl";
import type { LeaderboardFilters } from "@/lib/filters";
import type { LeaderboardView } from "@/lib/leaderboard/view";
import { leaderboardHref } from "./format";

/** The "control for style" switch: a link that flips style=control in the URL, keeping the slice and the rest of the view. */
export function StyleToggle({ filters, view }: { filters: LeaderboardFilters; view: LeaderboardView }) {
  const t = useTranslations("leaderboard.style");
  const isOn = view.style === "control";
  return (
    <p className="text-sm text-slate-600" data-testid="style-toggle">
      {isOn ? t("on") : t("off")}{" "}
      <IntentLink
        href={leaderboardHref(filters, { ...view, style: isOn ? "none" : "control" })}
        className="font-medium text-slate-900 underline underline-offset-2"
      >
        {isOn ? t("turnOff") : t("turnOn")}
      </IntentLink>
    </p>
  );
}
