"use client";

import { useTranslations } from "next-intl";
import { CartesianGrid, ComposedChart, ErrorBar, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface IntervalPoint {
  model: string;
  rating: number;
  lower: number;
  upper: number;
}

/** Ratings as points with their 95% intervals as error bars. */
export function RatingIntervalChart({ points }: { points: IntervalPoint[] }) {
  const t = useTranslations("charts.interval");
  const data = points.map((p) => ({ ...p, error: [p.rating - p.lower, p.upper - p.rating] as [number, number] }));
  const min = Math.floor(Math.min(...points.map((p) => p.lower)) / 25) * 25;
  const max = Math.ceil(Math.max(...points.map((p) => p.upper)) / 25) * 25;
  return (
    <figure className="rounded border border-slate-200 bg-white p-3" aria-label={t("label")}>
      <ResponsiveContainer width="100%" height={300}>
        <ComposedChart data={data} margin={{ top: 10, right: 30, bottom: 80, left: 40 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="model" padding={{ left: 20, right: 20 }} angle={-35} textAnchor="end" interval={0} tick={{ fontSize: 11 }} />
          <YAxis domain={[min, max]} tick={{ fontSize: 11 }} />
          <Tooltip formatter={(v) => (typeof v === "number" ? v.toFixed(0) : String(v))} />
          <Line dataKey="rating" stroke="none" dot={{ r: 4, fill: "#0f172a", stroke: "#0f172a" }} activeDot={{ r: 5 }} isAnimationActive={false}>
            <ErrorBar dataKey="error" width={6} strokeWidth={1.5} stroke="#475569" direction="y" />
          </Line>
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="text-center text-xs text-slate-500">{t("caption")}</figcaption>
    </figure>
  );
}
