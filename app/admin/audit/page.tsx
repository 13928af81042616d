import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AdminForbidden, formatUtc } from "@/components/admin/admin-access";
import { AuditChanges } from "@/components/admin/audit-changes";
import { DataTable } from "@/components/ui/data-table";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { isoDaySchema } from "@/lib/dates";
import { listAudit, listAuditActions, listAuditEntities } from "@/lib/queries/audit";
import { requirePageRole } from "@/lib/session";

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const TAKE = 200;
const KNOWN_ENTITIES = ["model", "policy", "snapshot", "export", "user"];
const FIELDS = {
  entity: z.string().regex(/^[a-z_]{1,40}$/, "use one of the entities in the menu"),
  entityId: z.string().max(100),
  action: z.string().regex(/^[a-z_.]{1,60}$/i, "use one of the actions in the menu"),
  actor: z.string().trim().max(254),
  from: isoDaySchema,
  to: isoDaySchema,
} as const;
type Field = keyof typeof FIELDS;

/** Filters from the URL: each bad value is dropped with a visible notice, never an error page. */
function parseFilters(raw: Record<string, string | string[] | undefined>) {
  const filters: Partial<Record<Field, string>> = {};
  const problems: { field: Field; value: string; message: string }[] = [];
  for (const field of Object.keys(FIELDS) as Field[]) {
    const value = [raw[field]].flat()[0];
    if (!value) continue;
    const parsed = FIELDS[field].safeParse(value);
    if (parsed.success) filters[field] = parsed.data;
    else problems.push({ field, value, message: parsed.error.issues[0]?.message ?? "invalid value" });
  }
  return { filters, problems };
}

export default async function AuditPage({ searchParams }: PageProps) {
  if (!(await requirePageRole("/admin/audit", "ADMIN"))) return <AdminForbidden />;
  const { filters, problems } = parseFilters(await searchParams);
  const [entries, entities, actions, t] = await Promise.all([
    listAudit({ ...filters, take: TAKE }),
    listAuditEntities(),
    listAuditActions(),
    getTranslations("admin.audit"),
  ]);
  const entityLabel = (e: string) => (t.has(`entities.${e}`) ? t(`entities.${e}` as "entities.model") : e);
  const tab = (value: string | undefined, label: string) => {
    const params = new URLSearchParams(
      Object.entries({ ...filters, entity: value, entityId: undefined }).filter((e): e is [string, string] => Boolean(e[1])),
    );
    const query = params.toString();
    return (
      <Link
        key={label}
        href={query ? `/admin/audit?${query}` : "/admin/audit"}
        aria-current={filters.entity === value ? "page" : undefined}
        className={filters.entity === value ? "rounded bg-slate-900 px-2 py-1 text-white" : "rounded px-2 py-1 hover:underline"}
      >
        {label}
      </Link>
    );
  };
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <nav aria-label={t("entityNav")} className="flex flex-wrap gap-2 text-sm">
        {tab(undefined, t("all"))}
        {[...new Set([...KNOWN_ENTITIES, ...entities])].map((e) => tab(e, entityLabel(e)))}
      </nav>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("filtersLabel")}>
        {filters.entity && <input type="hidden" name="entity" value={filters.entity} />}
        <label className="text-sm">
          <span className="block text-xs text-slate-600">{t("action")}</span>
          <select name="action" defaultValue={filters.action ?? ""} className={inputClass}>
            <option value="">{t("any")}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-xs text-slate-600">{t("actor")}</span>
          <input name="actor" defaultValue={filters.actor ?? ""} className={inputClass} />
        </label>
        <label className="text-sm">
          <span className="block text-xs text-slate-600">{t("from")}</span>
          <input type="date" name="from" defaultValue={filters.from ?? ""} className={inputClass} />
        </label>
        <label className="text-sm">
          <span className="block text-xs text-slate-600">{t("to")}</span>
          <input type="date" name="to" defaultValue={filters.to ?? ""} className={inputClass} />
        </label>
        {filters.entityId && <input type="hidden" name="entityId" value={filters.entityId} />}
        <button type="submit" className={buttonClass}>
          {t("apply")}
        </button>
        <Link href="/admin/audit" className="text-sm underline">
          {t("clear")}
        </Link>
      </form>
      {filters.entityId && (
        <p className="text-sm text-slate-600">{t("entityFilter", { entity: entityLabel(filters.entity ?? ""), id: filters.entityId })}</p>
      )}
      {problems.map((p) => (
        <p key={p.field} role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("ignored", { field: p.field, value: p.value })}
        </p>
      ))}
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <DataTable
          testId="audit-log"
          head={
            <tr>
              <th className="px-3 py-2 text-start">{t("columns.when")}</th>
              <th className="px-3 py-2 text-start">{t("columns.who")}</th>
              <th className="px-3 py-2 text-start">{t("columns.action")}</th>
              <th className="px-3 py-2 text-start">{t("columns.changes")}</th>
            </tr>
          }
        >
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className="border-t border-slate-100 align-top" data-action={e.action}>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums" title={e.createdAt.toISOString()}>
                  {formatUtc(e.createdAt)}
                </td>
                <td className="px-3 py-2">{e.actorEmail ?? t("unknownActor")}</td>
                <td className="px-3 py-2">
                  <code>{e.action}</code>
                  {e.entityId && (
                    <div className="text-xs text-slate-500">
                      {e.entity} {e.entityId}
                    </div>
                  )}
                </td>
                <td className="px-3 py-2">
                  <AuditChanges before={e.before} after={e.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <p className="text-xs text-slate-500">{t("footer", { count: TAKE })}</p>
    </section>
  );
}
