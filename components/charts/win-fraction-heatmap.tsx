"use client";

import { useTranslations } from "next-intl";
import { cssRgb, FEW_BATTLES, mixRgb, paintCell, type Rgb } from "@/lib/charts/colour";
import { FewBattlesKey, HeatmapTable } from "./heatmap-table";

export interface HeatmapModel {
  displayName: string;
  href: string;
}

const LOSS: Rgb = [190, 18, 60];
const EVEN: Rgb = [248, 250, 252];
const WIN: Rgb = [29, 78, 216];

/** Diverging scale: red when the row model mostly loses, white at 50%, blue when it mostly wins. */
function fill(fraction: number): Rgb {
  return mixRgb(EVEN, fraction >= 0.5 ? WIN : LOSS, Math.abs(fraction - 0.5) * 2);
}

/** P(row model beats column model) over their direct battles, ties and both-bad as half; thin pairs drawn faint. */
export function WinFractionHeatmap({
  models,
  winFraction,
  battles,
}: {
  models: HeatmapModel[];
  winFraction: (number | null)[][];
  battles: number[][];
}) {
  const t = useTranslations("charts.winFraction");
  const tc = useTranslations("charts");
  return (
    <figure className="space-y-2 rounded border border-slate-200 bg-white p-3">
      <figcaption className="text-sm font-semibold">{t("caption")}</figcaption>
      <HeatmapTable
        title={t("title")}
        testId="win-fraction-heatmap"
        axis={models.map((m) => ({ label: m.displayName, href: m.href }))}
        values={winFraction}
        format={(v) => `${Math.round(v * 100)}%`}
        paint={(v, i, j) => paintCell(fill(v), battles[i]![j]!)}
        describe={(i, j) =>
          t("describe", {
            row: models[i]!.displayName,
            col: models[j]!.displayName,
            fraction: winFraction[i]![j]!,
            battles: battles[i]![j]!,
          })
        }
        legend={
          <span className="flex flex-wrap items-center gap-3">
            <FewBattlesKey sample={paintCell(fill(0.9), 1)} label={tc("fewBattles", { min: FEW_BATTLES })} />
            <span className="flex items-center gap-2">
              0%
              <span
                className="inline-block h-2.5 w-32 rounded-sm"
                style={{ background: `linear-gradient(to right, ${cssRgb(LOSS)}, ${cssRgb(EVEN)}, ${cssRgb(WIN)})` }}
              />
              100%
            </span>
          </span>
        }
      />
    </figure>
  );
}
