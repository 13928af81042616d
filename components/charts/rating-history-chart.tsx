"use client";

import { useTranslations } from "next-intl";
import { Area, Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { niceTicks } from "@/lib/charts/ticks";
import { CHART_FONT, useIsRtl } from "./chart-parts";

export interface HistoryPoint {
  /** Data cutoff of the snapshot, as a short date label (e.g. "2025-03-01"). */
  date: string;
  rating: number | null;
  lower: number | null;
  upper: number | null;
  rank: number | null;
}

const HEIGHT = 260;

/**
 * The model's published rating over time: a line with its 95% interval as a band; gaps where it was not rated.
 * A rated snapshot with no rated neighbour (a band of one point draws nothing) shows its interval as an error bar.
 */
export function RatingHistoryChart({ points }: { points: HistoryPoint[] }) {
  const t = useTranslations("charts.history");
  const isRtl = useIsRtl();
  const hasBand = (p: HistoryPoint | undefined) => p !== undefined && p.lower !== null && p.upper !== null;
  const data = points.map((p, i) => {
    const band = p.lower !== null && p.upper !== null ? ([p.lower, p.upper] as [number, number]) : null;
    const isLone = band !== null && !hasBand(points[i - 1]) && !hasBand(points[i + 1]);
    return { ...p, band, lone: isLone ? band : null };
  });
  const bounds = points.flatMap((p) => [p.lower, p.upper, p.rating]).filter((v): v is number => v !== null);
  const scale = niceTicks(Math.min(...bounds), Math.max(...bounds), 6);
  return (
    <figure className="rounded border border-slate-200 bg-white p-3" aria-label={t("label")} data-testid="rating-history">
      {/* Drawn LTR so SVG text anchors are not flipped; in RTL the time axis runs right to left explicitly. */}
      <div dir="ltr" style={{ height: HEIGHT }}>
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <ComposedChart data={data} margin={{ top: 10, right: 24, bottom: 10, left: 24 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="date" tick={{ fontSize: CHART_FONT }} reversed={isRtl} padding={{ left: 16, right: 16 }} />
            <YAxis
              domain={scale.domain}
              ticks={scale.ticks}
              interval={0}
              tick={{ fontSize: CHART_FONT }}
              width={44}
              orientation={isRtl ? "right" : "left"}
            />
            <Tooltip
              formatter={(v, name) => [
                Array.isArray(v) ? v.map((x) => Number(x).toFixed(0)).join("–") : typeof v === "number" ? v.toFixed(0) : String(v),
                name,
              ]}
            />
            <Area
              dataKey="band"
              name={t("interval")}
              stroke="none"
              fill="#cbd5e1"
              fillOpacity={0.6}
              isAnimationActive={false}
              connectNulls={false}
            />
            <Bar
              dataKey="lone"
              name={t("interval")}
              barSize={12}
              isAnimationActive={false}
              shape={(props: BarShapeProps) => <LoneInterval {...props} />}
              tooltipType="none"
            />
            <Line
              dataKey="rating"
              name={t("rating")}
              stroke="#0f172a"
              strokeWidth={2}
              dot={{ r: 3, fill: "#0f172a" }}
              isAnimationActive={false}
              connectNulls={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-center text-xs text-slate-500">{t("caption")}</figcaption>
    </figure>
  );
}

/** An error bar for a snapshot whose interval cannot be drawn as a band. */
function LoneInterval({ x, y, width, height }: BarShapeProps) {
  const cx = x + width / 2;
  const top = Math.min(y, y + height);
  const bottom = Math.max(y, y + height);
  return (
    <g data-testid="history-lone-interval" stroke="#64748b" strokeWidth={1.5}>
      <line x1={cx} x2={cx} y1={top} y2={bottom} />
      <line x1={cx - 5} x2={cx + 5} y1={top} y2={top} />
      <line x1={cx - 5} x2={cx + 5} y1={bottom} y2={bottom} />
    </g>
  );
}
