"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { buttonClass } from "@/components/ui/styles";

/** Publishes a snapshot through POST /api/admin/snapshots, then refreshes the list. */
export function PublishSnapshotButton() {
  const t = useTranslations("adminSnapshots");
  const router = useRouter();
  const [isBusy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();

  async function publish() {
    setBusy(true);
    setMessage(null);
    setError(undefined);
    const response = await fetch("/api/admin/snapshots", { method: "POST" });
    const body = await response.json().catch(() => null);
    setBusy(false);
    if (!response.ok) return setError(body?.error?.message ?? t("publishFailed"));
    setMessage(t("published", { id: body.snapshot.id, cutoff: body.snapshot.dataCutoff }));
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <button type="button" className={buttonClass} onClick={publish} disabled={isBusy}>
        {isBusy ? t("publishing") : t("publish")}
      </button>
      {message && <p role="status" className="text-sm text-green-700">{message}</p>}
      <FieldError message={error} />
    </div>
  );
}
