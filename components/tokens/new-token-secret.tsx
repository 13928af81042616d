"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

/** The freshly created secret, shown once: copy it now, it cannot be read again. */
export function NewTokenSecret({ name, secret, onDismiss }: { name: string; secret: string; onDismiss: () => void }) {
  const t = useTranslations("governance.tokens");
  const [isCopied, setIsCopied] = useState(false);
  return (
    <div role="status" className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm" data-testid="new-token">
      <p className="font-semibold">{t("createdTitle", { name })}</p>
      <p>{t("createdNote")}</p>
      <code className="block break-all rounded bg-white px-2 py-1 font-mono text-xs" data-testid="new-token-secret">
        {secret}
      </code>
      <div className="flex gap-2">
        <button
          type="button"
          className="rounded border border-slate-400 px-2 py-1 hover:bg-white"
          onClick={() => {
            void navigator.clipboard?.writeText(secret).then(
              () => setIsCopied(true),
              () => setIsCopied(false),
            );
          }}
        >
          {isCopied ? t("copied") : t("copy")}
        </button>
        <button type="button" className="rounded border border-slate-400 px-2 py-1 hover:bg-white" onClick={onDismiss}>
          {t("dismiss")}
        </button>
      </div>
    </div>
  );
}
