import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { AUDIENCE_EFFECTS, STYLE_EFFECTS } from "@/lib/demo/preferences";
import { COUNTRY_MIX, DEMO_DAYS, DEMO_VOTERS, DEMO_VOTES } from "@/lib/demo/population";
import { LATE_ENTRIES } from "@/lib/demo/simulate";
import { loadReplayRoster } from "@/lib/providers/replay-corpus";

/** The methodology page's section on the labelled demo votes: how they are simulated and their built-in effects. */
export async function DemoMethodology() {
  const [t, format] = await Promise.all([getTranslations("demo"), getFormatter()]);
  const names = new Map(loadReplayRoster().map((m) => [m.name, m.displayName]));
  const signed = (x: number) => format.number(x, { signDisplay: "always", maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const rows: { id: string; audience: string; effect: ReactNode }[] = [
    ...AUDIENCE_EFFECTS.map((e) => ({
      id: e.id,
      audience: t(`effects.${e.id}`),
      effect: Object.entries(e.offsets)
        .map(([model, x]) => `${names.get(model) ?? model} ${signed(x)}`)
        .join(", "),
    })),
    {
      id: "older",
      audience: t("effects.older"),
      effect: t("effects.shorter", { value: signed(STYLE_EFFECTS.length.extra.value), everyone: signed(STYLE_EFFECTS.length.everyone) }),
    },
    {
      id: "doctorate",
      audience: t("effects.doctorate"),
      effect: t("effects.lessMarkdown", {
        value: signed(STYLE_EFFECTS.markdown.extra.value),
        everyone: signed(STYLE_EFFECTS.markdown.everyone),
      }),
    },
    { id: "everyone", audience: t("effects.everyone"), effect: t("effects.ownTaste") },
  ];
  return (
    <section id="demo" className="space-y-2" data-testid="demo-section">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <p>{t("text", { votes: DEMO_VOTES, voters: DEMO_VOTERS, countries: COUNTRY_MIX.length, days: DEMO_DAYS })}</p>
      <p>{t("model")}</p>
      <DataTable
        testId="demo-effects"
        head={
          <tr>
            <th className="px-3 py-2 text-start">{t("columns.audience")}</th>
            <th className="px-3 py-2 text-start">{t("columns.effect")}</th>
          </tr>
        }
      >
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100" data-effect={r.id}>
              <td className="px-3 py-2">{r.audience}</td>
              <td className="px-3 py-2">{r.effect}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {Object.entries(LATE_ENTRIES).map(([model, days]) => (
        <p key={model}>{t("lateEntry", { model: names.get(model) ?? model, days })}</p>
      ))}
      <p>{t("labelled")}</p>
    </section>
  );
}
