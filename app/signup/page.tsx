import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getCurrentUser } from "@/lib/session";

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect("/arena");
  const t = await getTranslations("auth.signUp");
  return (
    <section className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("privacy")}</p>
      <SignUpForm />
    </section>
  );
}
