"use client";

import { useTranslations } from "next-intl";
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface DumbbellPoint {
  model: string;
  a: number;
  b: number;
}

export const SIDE_A_COLOUR = "#2563eb";
export const SIDE_B_COLOUR = "#ea580c";

/** Each model's rating in audience A and in audience B, joined by a bar: long bars are where the audiences disagree. */
export function SliceDumbbellChart({ points, aLabel, bLabel }: { points: DumbbellPoint[]; aLabel: string; bLabel: string }) {
  const t = useTranslations("charts.dumbbell");
  const data = points.map((p) => ({ ...p, range: [Math.min(p.a, p.b), Math.max(p.a, p.b)] as [number, number] }));
  const values = points.flatMap((p) => [p.a, p.b]);
  const step = Math.max(...values) - Math.min(...values) > 300 ? 100 : 50;
  const min = Math.floor(Math.min(...values) / step) * step;
  const max = Math.ceil(Math.max(...values) / step) * step;
  const ticks = Array.from({ length: (max - min) / step + 1 }, (_, i) => min + i * step);
  return (
    <figure className="rounded border border-slate-200 bg-white p-3" aria-label={t("label", { a: aLabel, b: bLabel })} data-testid="comparison-chart">
      <ul className="mb-2 flex flex-wrap gap-4 text-xs text-slate-700">
        <li className="flex items-center gap-1.5">
          <span className="inline-block size-2.5 rounded-full" style={{ background: SIDE_A_COLOUR }} /> {t("sideA", { label: aLabel })}
        </li>
        <li className="flex items-center gap-1.5">
          <span className="inline-block size-2.5 rounded-full" style={{ background: SIDE_B_COLOUR }} /> {t("sideB", { label: bLabel })}
        </li>
      </ul>
      <ResponsiveContainer width="100%" height={40 + 30 * points.length}>
        <ComposedChart data={data} layout="vertical" margin={{ top: 5, right: 20, bottom: 5, left: 5 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[min, max]} ticks={ticks} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="model" width={120} interval={0} tick={{ fontSize: 10 }} />
          <Tooltip formatter={(v) => (typeof v === "number" ? v.toFixed(0) : String(v))} />
          <Bar dataKey="range" barSize={3} fill="#94a3b8" tooltipType="none" isAnimationActive={false} />
          <Line dataKey="a" name={t("sideA", { label: aLabel })} stroke="none" dot={{ r: 5, fill: SIDE_A_COLOUR, stroke: SIDE_A_COLOUR }} activeDot={{ r: 6 }} isAnimationActive={false} />
          <Line dataKey="b" name={t("sideB", { label: bLabel })} stroke="none" dot={{ r: 5, fill: SIDE_B_COLOUR, stroke: SIDE_B_COLOUR }} activeDot={{ r: 6 }} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="text-center text-xs text-slate-500">{t("caption")}</figcaption>
    </figure>
  );
}
