import { getTranslations } from "next-intl/server";
import { DEPRECATION_CLAUSES, SUPERSEDED_MONTHS, UNAVAILABLE_DAYS } from "@/lib/roster/deprecation-rule";

/** The published deprecation rule (server component), shown on the changelog. */
export async function DeprecationRule() {
  const t = await getTranslations("governance.rule");
  return (
    <section id="deprecation-rule" className="space-y-2 rounded border border-slate-200 bg-white p-4" data-testid="deprecation-rule">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <ol className="list-decimal space-y-1 ps-6 text-sm">
        {DEPRECATION_CLAUSES.map((c) => (
          <li key={c} data-clause={c}>
            <span className="font-medium">{t(`clauseNames.${c}`)}</span>:{" "}
            {t(`clauses.${c}`, { days: UNAVAILABLE_DAYS, months: SUPERSEDED_MONTHS })}
          </li>
        ))}
      </ol>
      <p className="text-sm text-slate-700">{t("effect")}</p>
    </section>
  );
}
