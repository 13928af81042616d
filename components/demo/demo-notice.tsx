import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/session";

/**
 * The leaderboard's notice that the board includes labelled simulated demo votes, with a link to how they are made.
 * Only admins are told how to remove them (a command on the server, which visitors cannot run).
 */
export async function DemoNotice({ count }: { count: number }) {
  const [t, user] = await Promise.all([getTranslations("demo"), getCurrentUser().catch(() => null)]);
  return (
    <div className="space-y-1 rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900" data-testid="demo-notice">
      <p>
        {t.rich("notice", {
          count,
          link: (chunks: ReactNode) => (
            <Link href="/methodology#demo" className="font-medium underline underline-offset-2">
              {chunks}
            </Link>
          ),
        })}
      </p>
      {user?.role === "ADMIN" && (
        <p data-testid="demo-remove-hint">{t.rich("adminRemove", { code: (chunks: ReactNode) => <code>{chunks}</code> })}</p>
      )}
    </div>
  );
}
