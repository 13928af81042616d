"use client";

import { useTranslations } from "next-intl";
import { HeatmapTable, mix } from "./heatmap-table";

export interface HeatmapModel {
  displayName: string;
  href: string;
}

const LOSS: [number, number, number] = [190, 18, 60];
const EVEN: [number, number, number] = [248, 250, 252];
const WIN: [number, number, number] = [29, 78, 216];

/** Diverging scale: red when the row model mostly loses, white at 50%, blue when it mostly wins. */
function style(fraction: number) {
  const strength = Math.abs(fraction - 0.5) * 2;
  return { background: mix(EVEN, fraction >= 0.5 ? WIN : LOSS, strength), color: strength > 0.55 ? "#ffffff" : "#0f172a" };
}

/** P(row model beats column model) over their direct battles, ties and both-bad as half. */
export function WinFractionHeatmap({ models, winFraction, battles }: { models: HeatmapModel[]; winFraction: (number | null)[][]; battles: number[][] }) {
  const t = useTranslations("charts.winFraction");
  return (
    <figure className="space-y-2 rounded border border-slate-200 bg-white p-3">
      <figcaption className="text-sm font-semibold">{t("caption")}</figcaption>
      <HeatmapTable
        title={t("title")}
        testId="win-fraction-heatmap"
        axis={models.map((m) => ({ label: m.displayName, href: m.href }))}
        values={winFraction}
        format={(v) => `${Math.round(v * 100)}%`}
        style={style}
        describe={(i, j) =>
          t("describe", { row: models[i]!.displayName, col: models[j]!.displayName, fraction: winFraction[i]![j]!, battles: battles[i]![j]! })
        }
        legend={
          <span className="flex items-center gap-2">
            0%
            <span className="inline-block h-2.5 w-32 rounded-sm" style={{ background: `linear-gradient(to right, ${mix(EVEN, LOSS, 1)}, ${mix(EVEN, EVEN, 0)}, ${mix(EVEN, WIN, 1)})` }} />
            100%
          </span>
        }
      />
    </figure>
  );
}
