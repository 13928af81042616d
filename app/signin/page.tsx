import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { enabledOAuthProviders } from "@/lib/auth";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import { getCurrentUser } from "@/lib/session";

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SignInPage({ searchParams }: PageProps) {
  const params = await searchParams;
  // Only same-site paths are followed after sign-in (lib/http/safe-return-path.ts).
  const callbackUrl = safeReturnPath(params.callbackUrl, "/start");
  if (await getCurrentUser()) redirect(callbackUrl);
  const t = await getTranslations("auth.signIn");
  return (
    <section className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <SignInForm
        callbackUrl={callbackUrl}
        oauthProviders={enabledOAuthProviders()}
        oauthError={typeof params.error === "string" ? params.error.slice(0, 40) : null}
      />
    </section>
  );
}
