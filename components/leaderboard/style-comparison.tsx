import { getTranslations } from "next-intl/server";
import type { StyleSummary } from "@/lib/leaderboard/build";
import { STYLE_FEATURES } from "@/lib/rating";
import { DataTable } from "@/components/ui/data-table";

const fixed = (x: number) => `${x < 0 ? "−" : x > 0 ? "+" : ""}${Math.abs(x).toFixed(2)}`;

/** Style-control coefficients of audiences A and B side by side, each with its 95% interval (async server component). */
export async function StyleComparison({ a, b }: { a: StyleSummary | null; b: StyleSummary | null }) {
  const [t, tl] = await Promise.all([getTranslations("compare.style"), getTranslations("leaderboard.style")]);
  const cell = (summary: StyleSummary | null, feature: (typeof STYLE_FEATURES)[number], side: string) => {
    const c = summary?.coefficients.find((x) => x.feature === feature);
    return (
      <td className="whitespace-nowrap px-3 py-2 text-end tabular-nums" data-col={`${side}-${feature}`} dir="ltr">
        {c ? (
          <>
            {fixed(c.estimate)}
            <span className="block text-xs text-slate-500">
              {fixed(c.lower)} … {fixed(c.upper)}
            </span>
          </>
        ) : (
          <span className="text-slate-500">{t("none")}</span>
        )}
      </td>
    );
  };
  return (
    <section className="space-y-2" aria-labelledby="style-comparison-heading" data-testid="style-comparison">
      <h2 id="style-comparison-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-600">{t("text")}</p>
      <DataTable
        testId="style-comparison-table"
        head={
          <tr>
            <th className="px-3 py-2 text-start">{t("feature")}</th>
            <th className="px-3 py-2 text-end text-blue-700">{t("side", { side: "A" })}</th>
            <th className="px-3 py-2 text-end text-orange-700">{t("side", { side: "B" })}</th>
          </tr>
        }
      >
        <tbody>
          {STYLE_FEATURES.map((feature) => (
            <tr key={feature} className="border-t border-slate-100" data-feature={feature}>
              <td className="px-3 py-2">{tl(`features.${feature}`)}</td>
              {cell(a, feature, "a")}
              {cell(b, feature, "b")}
            </tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}
