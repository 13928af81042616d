"use client";

import { useTranslations } from "next-intl";
import { Bar, ComposedChart, Line, Tooltip } from "recharts";
import { AXIS_ROOM, categoryAxisLayout, rowChartHeight, tickBudget } from "@/lib/charts/layout";
import { niceTicks } from "@/lib/charts/ticks";
import { CHART_FONT, modelRowAxes, useIsRtl } from "./chart-parts";
import { useElementWidth } from "./use-element-width";

export interface DumbbellPoint {
  model: string;
  a: number;
  b: number;
}

export const SIDE_A_COLOUR = "#2563eb";
export const SIDE_B_COLOUR = "#ea580c";
const ROW = 28;

/** Each model's rating in audience A and in audience B, joined by a bar: long bars are where the audiences disagree. */
export function SliceDumbbellChart({ points, aLabel, bLabel }: { points: DumbbellPoint[]; aLabel: string; bLabel: string }) {
  const t = useTranslations("charts.dumbbell");
  const isRtl = useIsRtl();
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const height = rowChartHeight(points.length, ROW);
  const axis = categoryAxisLayout(
    points.map((p) => p.model),
    CHART_FONT,
    width || 360,
  );
  const values = points.flatMap((p) => [p.a, p.b]);
  const scale = niceTicks(Math.min(...values), Math.max(...values), tickBudget(width - axis.width - 36));
  const data = points.map((p) => ({ ...p, range: [Math.min(p.a, p.b), Math.max(p.a, p.b)] as [number, number] }));
  return (
    <figure
      className="rounded border border-slate-200 bg-white p-3"
      aria-label={t("label", { a: aLabel, b: bLabel })}
      data-testid="comparison-chart"
    >
      <ul className="mb-2 flex flex-wrap gap-4 text-xs text-slate-700">
        <li className="flex items-center gap-1.5">
          <span className="inline-block size-2.5 rounded-full" style={{ background: SIDE_A_COLOUR }} /> {t("sideA", { label: aLabel })}
        </li>
        <li className="flex items-center gap-1.5">
          <span className="inline-block size-2.5 rounded-full" style={{ background: SIDE_B_COLOUR }} /> {t("sideB", { label: bLabel })}
        </li>
      </ul>
      <div ref={ref} dir="ltr" style={{ height }}>
        {width > 0 && (
          <ComposedChart
            width={width}
            height={height}
            data={data}
            layout="vertical"
            margin={{ top: AXIS_ROOM.top, right: 18, bottom: 4, left: 18 }}
          >
            {modelRowAxes({ scale, axis, isRtl })}
            <Tooltip formatter={(v) => (typeof v === "number" ? v.toFixed(0) : String(v))} />
            <Bar dataKey="range" barSize={3} fill="#94a3b8" tooltipType="none" isAnimationActive={false} />
            <Line
              dataKey="a"
              name={t("sideA", { label: aLabel })}
              stroke="none"
              dot={{ r: 5, fill: SIDE_A_COLOUR, stroke: SIDE_A_COLOUR }}
              activeDot={{ r: 6 }}
              isAnimationActive={false}
            />
            <Line
              dataKey="b"
              name={t("sideB", { label: bLabel })}
              stroke="none"
              dot={{ r: 5, fill: SIDE_B_COLOUR, stroke: SIDE_B_COLOUR }}
              activeDot={{ r: 6 }}
              isAnimationActive={false}
            />
          </ComposedChart>
        )}
      </div>
      <figcaption className="text-center text-xs text-slate-500">{t("caption")}</figcaption>
    </figure>
  );
}
