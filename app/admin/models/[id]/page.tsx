import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminForbidden, formatUtc } from "@/components/admin/admin-access";
import { ModelActions } from "@/components/admin/model-actions";
import { ModelForm } from "@/components/admin/model-form";
import { countModelVotes, getModelForAdmin, listOrganizations } from "@/lib/queries/models";
import { requirePageRole } from "@/lib/session";

interface PageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function EditModelPage({ params, searchParams }: PageProps) {
  const { id } = await params;
  if (!(await requirePageRole(`/admin/models/${id}`, "ADMIN"))) return <AdminForbidden />;
  const model = await getModelForAdmin(id);
  if (!model) notFound();
  const [organizations, votes, t, query] = await Promise.all([
    listOrganizations(),
    countModelVotes(id),
    getTranslations("adminModels"),
    searchParams,
  ]);
  return (
    <section className="space-y-5">
      <Link href="/admin/models" className="text-sm underline">
        {t("backToRoster")}
      </Link>
      <header>
        <h1 className="text-2xl font-bold">{model.displayName}</h1>
        <p className="mt-1 text-sm text-slate-600" data-testid="model-state">
          {t("state", {
            status: t(`values.${model.status}`),
            visibility: t(`values.${model.visibility}`),
            votes,
          })}
        </p>
        {model.deprecatedAt && (
          <p className="mt-1 text-sm text-slate-600">
            {t("deprecatedOn", { date: formatUtc(model.deprecatedAt), reason: model.deprecationReason ?? "" })}
          </p>
        )}
        {query.created && (
          <p role="status" className="mt-2 text-sm text-green-700">
            {t("created")}
          </p>
        )}
      </header>
      <ModelActions id={model.id} status={model.status} visibility={model.visibility} />
      <h2 className="text-lg font-semibold">{t("editTitle")}</h2>
      <ModelForm
        organizations={organizations}
        initial={{
          id: model.id,
          name: model.name,
          displayName: model.displayName,
          organization: model.organization,
          licenseKind: model.licenseKind,
          license: model.license,
          releaseDate: model.releaseDate ?? "",
          provider: model.provider,
          providerConfig: model.providerConfig,
          hasApiKey: model.hasApiKey,
          samplingWeight: model.samplingWeight,
          visibility: model.visibility,
          canSwitchToPrivate:
            model.visibility === "PRIVATE_TESTING" || (model.visibility === "PUBLIC" && votes === 0 && !model.testingEndedAt),
        }}
      />
      <p className="text-xs text-slate-500">{t("noDelete")}</p>
      <Link href={`/admin/audit?entity=model&entityId=${model.id}`} className="text-sm underline">
        {t("history")}
      </Link>
    </section>
  );
}
