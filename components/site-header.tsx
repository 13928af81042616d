import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HeaderVoteCount } from "@/components/arena/header-vote-count";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { getCurrentUser } from "@/lib/session";

/** Top navigation; shows who is signed in (server component). */
export async function SiteHeader() {
  const [user, t] = await Promise.all([getCurrentUser(), getTranslations("common")]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav className="mx-auto flex w-full max-w-6xl flex-wrap items-center gap-x-5 gap-y-2 px-4 py-3 text-sm">
        <Link href="/" className="text-base font-semibold tracking-tight">
          Showdown
        </Link>
        <Link href="/arena" className="hover:underline">
          {t("nav.arena")}
        </Link>
        <Link href="/leaderboard" className="hover:underline">
          {t("nav.leaderboard")}
        </Link>
        <Link href="/methodology" className="hover:underline">
          {t("nav.methodology")}
        </Link>
        {(user?.role === "CUSTOMER" || user?.role === "ADMIN") && (
          <Link href="/data" className="hover:underline">
            {t("nav.data")}
          </Link>
        )}
        {user?.role === "ADMIN" && (
          <Link href="/admin" className="hover:underline">
            {t("nav.admin")}
          </Link>
        )}
        <span className="flex flex-wrap items-center gap-4 ms-auto">
          <LanguageSwitcher />
          {user ? (
            <>
              <Link href="/history" className="hover:underline" data-testid="header-user">
                {user.email} · <HeaderVoteCount initial={user.voteCount} />
              </Link>
              <Link href="/profile" className="hover:underline">
                {t("nav.profile")}
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/signin" className="hover:underline">
                {t("nav.signIn")}
              </Link>
              <Link href="/signup" className="rounded bg-slate-900 px-3 py-1.5 text-white hover:bg-slate-700">
                {t("nav.signUp")}
              </Link>
            </>
          )}
        </span>
      </nav>
    </header>
  );
}
