import Link from "next/link";
import { getCurrentUser } from "@/lib/session";
import { SignOutButton } from "@/components/auth/sign-out-button";

/** Top navigation; shows who is signed in (server component). */
export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav className="mx-auto flex w-full max-w-6xl flex-wrap items-center gap-x-5 gap-y-2 px-4 py-3 text-sm">
        <Link href="/" className="text-base font-semibold tracking-tight">
          Showdown
        </Link>
        <Link href="/arena" className="hover:underline">
          Arena
        </Link>
        <Link href="/leaderboard" className="hover:underline">
          Leaderboard
        </Link>
        {user?.role === "ADMIN" && (
          <Link href="/admin" className="hover:underline">
            Admin
          </Link>
        )}
        <span className="ml-auto flex items-center gap-4">
          {user ? (
            <>
              <Link href="/profile" className="hover:underline" data-testid="header-user">
                {user.email} · {user.voteCount} {user.voteCount === 1 ? "vote" : "votes"}
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/signin" className="hover:underline">
                Sign in
              </Link>
              <Link href="/signup" className="rounded bg-slate-900 px-3 py-1.5 text-white hover:bg-slate-700">
                Sign up
              </Link>
            </>
          )}
        </span>
      </nav>
    </header>
  );
}
