"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FieldError } from "@/components/ui/field-error";
import { buttonClass } from "@/components/ui/styles";
import { apiRequest, useApiErrorMessage } from "@/lib/client/api-client";

/** Publishes a snapshot through POST /api/admin/snapshots, then refreshes the list. */
export function PublishSnapshotButton() {
  const t = useTranslations("adminSnapshots");
  const router = useRouter();
  const apiMessage = useApiErrorMessage();
  const publish = useMutation({
    mutationFn: () => apiRequest<{ snapshot: { id: string; dataCutoff: string } }>("/api/admin/snapshots", { method: "POST" }),
    onSuccess: () => router.refresh(),
  });

  return (
    <div className="space-y-2">
      <button type="button" className={buttonClass} onClick={() => publish.mutate()} disabled={publish.isPending}>
        {publish.isPending ? t("publishing") : t("publish")}
      </button>
      {publish.isSuccess && (
        <p role="status" className="text-sm text-green-700">
          {t("published", { id: publish.data.snapshot.id, cutoff: publish.data.snapshot.dataCutoff })}
        </p>
      )}
      <FieldError message={publish.error ? apiMessage(publish.error) : undefined} />
    </div>
  );
}
