import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AdminForbidden } from "@/components/admin/admin-access";
import { ModelForm } from "@/components/admin/model-form";
import { listOrganizations } from "@/lib/queries/models";
import { requirePageRole } from "@/lib/session";

export default async function NewModelPage() {
  if (!(await requirePageRole("/admin/models/new", "ADMIN"))) return <AdminForbidden />;
  const [organizations, t] = await Promise.all([listOrganizations(), getTranslations("adminModels")]);
  return (
    <section className="space-y-4">
      <Link href="/admin/models" className="text-sm underline">
        {t("backToRoster")}
      </Link>
      <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
      <ModelForm
        organizations={organizations}
        initial={{
          name: "",
          displayName: "",
          organization: "",
          licenseKind: "PROPRIETARY",
          license: "",
          releaseDate: "",
          provider: "openai-compatible",
          providerConfig: {},
          hasApiKey: false,
          samplingWeight: 1,
          visibility: "PUBLIC",
          canSwitchToPrivate: true,
        }}
      />
    </section>
  );
}
