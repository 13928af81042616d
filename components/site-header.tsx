import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HeaderVoteCount } from "@/components/arena/header-vote-count";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { getCurrentUser } from "@/lib/session";

/**
 * Top navigation; shows who is signed in (server component). Its links do not prefetch: every page is rendered per
 * request, so a prefetch brings little, and a dozen of them cost a phone main-thread time on every page load.
 */
export async function SiteHeader() {
  const [user, t] = await Promise.all([getCurrentUser(), getTranslations("common")]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav className="mx-auto flex w-full max-w-6xl flex-wrap items-center gap-x-5 gap-y-2 px-4 py-3 text-sm">
        <Link prefetch={false} href="/" className="text-base font-semibold tracking-tight">
          Showdown
        </Link>
        <Link prefetch={false} href="/arena" className="hover:underline">
          {t("nav.arena")}
        </Link>
        <Link prefetch={false} href="/leaderboard" className="hover:underline">
          {t("nav.leaderboard")}
        </Link>
        <Link prefetch={false} href="/methodology" className="hover:underline">
          {t("nav.methodology")}
        </Link>
        {(user?.role === "CUSTOMER" || user?.role === "ADMIN") && (
          <Link prefetch={false} href="/data" className="hover:underline">
            {t("nav.data")}
          </Link>
        )}
        {user?.role === "ADMIN" && (
          <Link prefetch={false} href="/admin" className="hover:underline">
            {t("nav.admin")}
          </Link>
        )}
        <span className="flex flex-wrap items-center gap-4 ms-auto">
          <LanguageSwitcher />
          {user ? (
            <>
              <Link prefetch={false} href="/history" className="hover:underline" data-testid="header-user">
                {user.email} · <HeaderVoteCount initial={user.voteCount} />
              </Link>
              <Link prefetch={false} href="/profile" className="hover:underline">
                {t("nav.profile")}
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link prefetch={false} href="/signin" className="hover:underline">
                {t("nav.signIn")}
              </Link>
              <Link prefetch={false} href="/signup" className="rounded bg-slate-900 px-3 py-1.5 text-white hover:bg-slate-700">
                {t("nav.signUp")}
              </Link>
            </>
          )}
        </span>
      </nav>
    </header>
  );
}
