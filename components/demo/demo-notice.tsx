import { IntentLink } from "@/components/ui/intent-link";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";

/**
 * The leaderboard's notice that the board includes labelled simulated demo votes, with a link to how they are made.
 * Only admins are told how to remove them (a command on the server, which visitors cannot run).
 */
export function DemoNotice({ count, isAdmin }: { count: number; isAdmin: boolean }) {
  const t = useTranslations("demo");
  return (
    <div className="space-y-1 rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900" data-testid="demo-notice">
      <p>
        {t.rich("notice", {
          count,
          link: (chunks: ReactNode) => (
            <IntentLink href="/methodology#demo" className="font-medium underline underline-offset-2">
              {chunks}
            </IntentLink>
          ),
        })}
      </p>
      {isAdmin && <p data-testid="demo-remove-hint">{t.rich("adminRemove", { code: (chunks: ReactNode) => <code>{chunks}</code> })}</p>}
    </div>
  );
}
