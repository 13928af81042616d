"use client";

import { useTranslations } from "next-intl";
import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface HistoryPoint {
  /** Data cutoff of the snapshot, as a short date label (e.g. "2025-03-01"). */
  date: string;
  rating: number | null;
  lower: number | null;
  upper: number | null;
  rank: number | null;
}

/** The model's published rating over time: a line with its 95% interval as a band; gaps where it was not rated. */
export function RatingHistoryChart({ points }: { points: HistoryPoint[] }) {
  const t = useTranslations("charts.history");
  const data = points.map((p) => ({
    ...p,
    band: p.lower !== null && p.upper !== null ? ([p.lower, p.upper] as [number, number]) : null,
  }));
  const bounds = points.flatMap((p) => [p.lower, p.upper, p.rating]).filter((v): v is number => v !== null);
  const step = Math.max(...bounds) - Math.min(...bounds) > 200 ? 50 : 25;
  const min = Math.floor(Math.min(...bounds) / step) * step;
  const max = Math.ceil(Math.max(...bounds) / step) * step;
  const ticks = Array.from({ length: (max - min) / step + 1 }, (_, i) => min + i * step);
  return (
    <figure className="rounded border border-slate-200 bg-white p-3" aria-label={t("label")} data-testid="rating-history">
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={data} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="date" tick={{ fontSize: 11 }} />
          <YAxis domain={[min, max]} ticks={ticks} tick={{ fontSize: 11 }} width={48} />
          <Tooltip
            formatter={(v, name) => [Array.isArray(v) ? v.map((x) => Number(x).toFixed(0)).join("–") : typeof v === "number" ? v.toFixed(0) : String(v), name]}
          />
          <Area dataKey="band" name={t("interval")} stroke="none" fill="#cbd5e1" fillOpacity={0.6} isAnimationActive={false} connectNulls={false} />
          <Line dataKey="rating" name={t("rating")} stroke="#0f172a" strokeWidth={2} dot={{ r: 3, fill: "#0f172a" }} isAnimationActive={false} connectNulls={false} />
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="text-center text-xs text-slate-500">{t("caption")}</figcaption>
    </figure>
  );
}
