import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AdminForbidden } from "@/components/admin/admin-access";
import { DataTable } from "@/components/ui/data-table";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { PROVIDER_KINDS } from "@/lib/providers/config";
import { listModelsForAdmin } from "@/lib/queries/models";
import { requirePageRole } from "@/lib/session";

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const STATUSES = ["ACTIVE", "PAUSED", "DEPRECATED"] as const;
const VISIBILITIES = ["PUBLIC", "PRIVATE_TESTING", "WITHDRAWN"] as const;

// Filters live in the URL; an unknown value is ignored (the select shows "any").
const filterSchema = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  visibility: z.enum(VISIBILITIES).optional().catch(undefined),
  provider: z.enum(PROVIDER_KINDS).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function AdminModelsPage({ searchParams }: PageProps) {
  if (!(await requirePageRole("/admin/models", "ADMIN"))) return <AdminForbidden />;
  const raw = await searchParams;
  const filter = filterSchema.parse({
    status: first(raw.status),
    visibility: first(raw.visibility),
    provider: first(raw.provider),
    q: first(raw.q),
  });
  const [models, t] = await Promise.all([listModelsForAdmin(filter), getTranslations("adminModels")]);
  const select = (name: "status" | "visibility" | "provider", values: readonly string[]) => (
    <label className="text-sm">
      <span className="block text-xs text-slate-600">{t(`filters.${name}`)}</span>
      <select name={name} defaultValue={filter[name] ?? ""} className={inputClass}>
        <option value="">{t("filters.any")}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {t(`values.${v}`)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="space-y-4">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Link href="/admin/models/new" className={buttonClass}>
          {t("addModel")}
        </Link>
      </header>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("filters.label")}>
        {select("status", STATUSES)}
        {select("visibility", VISIBILITIES)}
        {select("provider", PROVIDER_KINDS)}
        <label className="text-sm">
          <span className="block text-xs text-slate-600">{t("filters.q")}</span>
          <input name="q" defaultValue={filter.q ?? ""} className={inputClass} />
        </label>
        <button type="submit" className={buttonClass}>
          {t("filters.apply")}
        </button>
        <Link href="/admin/models" className="text-sm underline">
          {t("filters.clear")}
        </Link>
      </form>
      {models.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <DataTable
          testId="admin-models"
          head={
            <tr>
              <th className="px-3 py-2 text-start">{t("columns.model")}</th>
              <th className="px-3 py-2 text-start">{t("columns.organization")}</th>
              <th className="px-3 py-2 text-start">{t("columns.status")}</th>
              <th className="px-3 py-2 text-start">{t("columns.visibility")}</th>
              <th className="px-3 py-2 text-start">{t("columns.provider")}</th>
              <th className="px-3 py-2 text-end">{t("columns.weight")}</th>
            </tr>
          }
        >
          <tbody>
            {models.map((m) => (
              <tr key={m.id} className="border-t border-slate-100" data-model={m.name}>
                <td className="px-3 py-2">
                  <Link href={`/admin/models/${m.id}`} className="font-medium underline">
                    {m.displayName}
                  </Link>
                  <div className="text-xs text-slate-500">
                    <code>{m.name}</code>
                  </div>
                </td>
                <td className="px-3 py-2">{m.organization}</td>
                <td className="px-3 py-2">{t(`values.${m.status}`)}</td>
                <td className="px-3 py-2">{t(`values.${m.visibility}`)}</td>
                <td className="px-3 py-2">
                  {t(`values.${m.provider}`)}
                  {m.provider !== "replay" && <div className="text-xs text-slate-500">{m.hasApiKey ? t("keySet") : t("noKey")}</div>}
                </td>
                <td className="px-3 py-2 text-end tabular-nums">{m.samplingWeight}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <p className="text-xs text-slate-500">{t("count", { count: models.length })}</p>
    </section>
  );
}
