import Link from "next/link";
import { z } from "zod";
import { AdminForbidden, formatUtc, getPageAdmin } from "@/components/admin/admin-access";
import { AuditChanges } from "@/components/admin/audit-changes";
import { listAudit } from "@/lib/queries/audit";
import { DataTable } from "@/components/ui/data-table";

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const ENTITIES = [
  { value: "policy", label: "Data policy" },
  { value: "snapshot", label: "Snapshots" },
  { value: "export", label: "Exports" },
  { value: "user", label: "Roles" },
] as const;

const entitySchema = z.enum(ENTITIES.map((e) => e.value) as [string, ...string[]]);

export default async function AuditPage({ searchParams }: PageProps) {
  if (!(await getPageAdmin("/admin/audit"))) return <AdminForbidden />;
  const raw = (await searchParams).entity;
  const requested = typeof raw === "string" && raw ? raw : undefined;
  const parsed = requested === undefined ? undefined : entitySchema.safeParse(requested);
  const entity = parsed?.success ? parsed.data : undefined;
  const entries = await listAudit({ entity, take: 200 });
  const tab = (value: string | undefined, label: string) => (
    <Link
      key={label}
      href={value ? `/admin/audit?entity=${value}` : "/admin/audit"}
      aria-current={entity === value ? "page" : undefined}
      className={entity === value ? "rounded bg-slate-900 px-2 py-1 text-white" : "rounded px-2 py-1 hover:underline"}
    >
      {label}
    </Link>
  );
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <nav aria-label="Filter by entity" className="flex flex-wrap gap-2 text-sm">
        {tab(undefined, "All")}
        {ENTITIES.map((e) => tab(e.value, e.label))}
      </nav>
      {parsed && !parsed.success && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          Ignored entity &ldquo;{requested}&rdquo;: use one of {ENTITIES.map((e) => e.value).join(", ")}. Showing all entries.
        </p>
      )}
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">No entries{entity ? " for this entity" : ""} yet.</p>
      ) : (
        <DataTable
          testId="audit-log"
          head={
            <tr>
              <th className="px-3 py-2">When</th>
              <th className="px-3 py-2">Who</th>
              <th className="px-3 py-2">Action</th>
              <th className="px-3 py-2">Before → after</th>
            </tr>
          }
        >
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className="border-t border-slate-100 align-top" data-action={e.action}>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums" title={e.createdAt.toISOString()}>{formatUtc(e.createdAt)}</td>
                <td className="px-3 py-2">{e.actorEmail ?? "unknown"}</td>
                <td className="px-3 py-2">
                  <code>{e.action}</code>
                  {e.entityId && <div className="text-xs text-slate-500">{e.entity} {e.entityId}</div>}
                </td>
                <td className="px-3 py-2">
                  <AuditChanges before={e.before} after={e.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <p className="text-xs text-slate-500">Newest first, at most 200 entries. Entries cannot be edited or deleted.</p>
    </section>
  );
}
