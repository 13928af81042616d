"use client";

import { useTranslations } from "next-intl";
import { cssRgb, FEW_BATTLES, mixRgb, paintCell, type Rgb } from "@/lib/charts/colour";
import { FewBattlesKey, HeatmapTable } from "./heatmap-table";
import type { HeatmapModel } from "./win-fraction-heatmap";

const NONE: Rgb = [248, 250, 252];
const MANY: Rgb = [30, 41, 59];

/** How many votes each pair of models has: where the head-to-head numbers are solid and where they are thin. */
export function BattleCountHeatmap({ models, battles }: { models: HeatmapModel[]; battles: number[][] }) {
  const t = useTranslations("charts.battles");
  const tc = useTranslations("charts");
  const max = Math.max(1, ...battles.flat());
  // Zero battles are shown as empty cells (never met), like the win-fraction map; the diagonal is empty too.
  const values = battles.map((row, i) => row.map((n, j) => (i === j || n === 0 ? null : n)));
  return (
    <figure className="space-y-2 rounded border border-slate-200 bg-white p-3">
      <figcaption className="text-sm font-semibold">{t("caption")}</figcaption>
      <HeatmapTable
        title={t("title")}
        testId="battle-count-heatmap"
        axis={models.map((m) => ({ label: m.displayName, href: m.href }))}
        values={values}
        format={(n) => String(n)}
        paint={(n) => paintCell(mixRgb(NONE, MANY, n / max), n)}
        describe={(i, j) => t("describe", { row: models[i]!.displayName, col: models[j]!.displayName, count: battles[i]![j]! })}
        legend={
          <span className="flex flex-wrap items-center gap-3">
            <FewBattlesKey sample={paintCell(mixRgb(NONE, MANY, 0.6), 1)} label={tc("fewBattles", { min: FEW_BATTLES })} />
            <span className="flex items-center gap-2">
              0
              <span
                className="inline-block h-2.5 w-32 rounded-sm"
                style={{ background: `linear-gradient(to right, ${cssRgb(NONE)}, ${cssRgb(MANY)})` }}
              />
              {max}
            </span>
          </span>
        }
      />
    </figure>
  );
}
