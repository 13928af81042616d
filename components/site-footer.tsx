import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Links to the public governance pages, on every page. */
export async function SiteFooter() {
  const t = await getTranslations("common");
  return (
    <footer className="mx-auto w-full max-w-6xl border-t border-slate-200 px-4 py-4 text-sm text-slate-600">
      <nav aria-label={t("footer.label")} className="flex flex-wrap gap-x-5 gap-y-2">
        <Link prefetch={false} href="/methodology" className="hover:underline">
          {t("nav.methodology")}
        </Link>
        <Link prefetch={false} href="/changelog" className="hover:underline">
          {t("footer.changelog")}
        </Link>
        <Link prefetch={false} href="/tested-variants" className="hover:underline">
          {t("footer.testedVariants")}
        </Link>
        <Link prefetch={false} href="/data-share" className="hover:underline">
          {t("footer.dataShare")}
        </Link>
      </nav>
    </footer>
  );
}
