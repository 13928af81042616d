import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import type { SamplingTable as Table } from "@/lib/queries/sampling";

/** The live sampling weights (async server component, for the methodology page). */
export async function SamplingTable({ table }: { table: Table }) {
  const [t, format] = await Promise.all([getTranslations("methodology.sampling"), getFormatter()]);
  if (table.rows.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  const number = (n: number, digits: number) => format.number(n, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return (
    <DataTable
      testId="sampling-weights"
      head={
        <tr>
          <th className="px-3 py-2 text-start">{t("columns.model")}</th>
          <th className="px-3 py-2 text-start">{t("columns.organization")}</th>
          <th className="px-3 py-2 text-end">{t("columns.adminWeight")}</th>
          <th className="px-3 py-2 text-end">{t("columns.votes")}</th>
          <th className="px-3 py-2 text-end">{t("columns.boost")}</th>
          <th className="px-3 py-2 text-end">{t("columns.weight")}</th>
          <th className="px-3 py-2 text-end">{t("columns.probability")}</th>
        </tr>
      }
    >
      <tbody>
        {table.rows.map((r, i) => (
          <tr key={`${r.organization}-${r.name ?? i}`} className="border-t border-slate-100" data-model={r.name ?? ""}>
            <td className="px-3 py-2">{r.name ?? <em className="text-slate-500">{t("privateVariant")}</em>}</td>
            <td className="px-3 py-2 text-slate-600">{r.organization}</td>
            <td className="px-3 py-2 text-end tabular-nums">{number(r.samplingWeight, 2)}</td>
            <td className="px-3 py-2 text-end tabular-nums">{format.number(r.votes)}</td>
            <td className="px-3 py-2 text-end tabular-nums" data-col="boost">
              {number(r.boost, 2)}
            </td>
            <td className="px-3 py-2 text-end tabular-nums">{number(r.weight, 2)}</td>
            <td className="px-3 py-2 text-end tabular-nums" data-col="probability">
              {format.number(r.probability, { style: "percent", maximumFractionDigits: 1, minimumFractionDigits: 1 })}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
