"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { buttonClass } from "@/components/ui/styles";

/** Publishes a snapshot through POST /api/admin/snapshots, then refreshes the list. */
export function PublishSnapshotButton() {
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
    if (!response.ok) return setError(body?.error?.message ?? "Publishing failed. Please try again.");
    setMessage(`Published snapshot ${body.snapshot.id} (data up to ${body.snapshot.dataCutoff}).`);
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <button type="button" className={buttonClass} onClick={publish} disabled={isBusy}>
        {isBusy ? "Publishing…" : "Publish snapshot now"}
      </button>
      {message && <p role="status" className="text-sm text-green-700">{message}</p>}
      <FieldError message={error} />
    </div>
  );
}
