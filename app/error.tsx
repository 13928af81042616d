"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect } from "react";

/** A page that failed while rendering: a plain apology and a retry, never the raw error text. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("ui.error");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <section className="mx-auto max-w-xl space-y-3 py-10 text-center" role="alert">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-600">{t("text")}</p>
      <p className="flex flex-wrap justify-center gap-4">
        <button type="button" onClick={reset} className="underline underline-offset-2">
          {t("retry")}
        </button>
        <Link href="/" className="underline underline-offset-2">
          {t("home")}
        </Link>
      </p>
    </section>
  );
}
