import { useTranslations } from "next-intl";
import type { StyleSummary } from "@/lib/leaderboard/build";
import { ScrollTable } from "./scroll-table";

const fixed = (x: number) => `${x < 0 ? "−" : x > 0 ? "+" : ""}${Math.abs(x).toFixed(2)}`;

/**
 * How much answer style sways votes in this slice (server or client component): one row per feature with its
 * coefficient (log-odds per standard deviation) and 95% interval, and how many votes had a known style.
 */
export function StyleCoefficients({ style }: { style: StyleSummary }) {
  const t = useTranslations("leaderboard.style");
  return (
    <section className="space-y-2" aria-labelledby="style-heading" data-testid="style-coefficients">
      <h2 id="style-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-600">{t("text", { votes: style.votes, unknown: style.unknown })}</p>
      <ScrollTable
        label={t("title")}
        testId="style-table"
        head={
          <tr>
            <th className="px-3 py-2 text-start">{t("feature")}</th>
            <th className="px-3 py-2 text-end">{t("coefficient")}</th>
            <th className="px-3 py-2 text-end">{t("interval")}</th>
            <th className="px-3 py-2 text-start">{t("reading")}</th>
          </tr>
        }
      >
        <tbody>
          {style.coefficients.map((c) => (
            <tr key={c.feature} className="border-t border-slate-100" data-feature={c.feature}>
              <td className="px-3 py-2">{t(`features.${c.feature}`)}</td>
              <td className="px-3 py-2 text-end tabular-nums" dir="ltr">
                {fixed(c.estimate)}
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-end tabular-nums text-slate-600" dir="ltr">
                {fixed(c.lower)} … {fixed(c.upper)}
              </td>
              <td className="px-3 py-2 text-slate-600">
                {t("effect", {
                  direction: c.lower > 0 ? "up" : c.upper < 0 ? "down" : "unclear",
                  odds: Math.exp(Math.abs(c.estimate)).toFixed(2),
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}
