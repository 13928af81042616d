import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { consumeEmailVerification } from "@/lib/queries/email-verification";

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Where the verification mail's link lands: uses the single-use token and says what happened. */
export default async function VerifyEmailPage({ searchParams }: PageProps) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" && /^[\w-]{20,100}$/.test(raw) ? raw : null;
  const [t, outcome] = await Promise.all([getTranslations("auth.verify"), token ? consumeEmailVerification(token) : null]);
  const isVerified = outcome?.kind === "verified";
  const message = !outcome ? t("missing") : outcome.kind === "verified" ? t("verified", { email: outcome.email }) : t(outcome.kind);
  return (
    <section className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p role="status" data-testid="verify-result" className={isVerified ? "text-green-700" : "text-red-700"}>
        {message}
      </p>
      <Link href="/profile" className="underline underline-offset-2">
        {t("toProfile")}
      </Link>
    </section>
  );
}
