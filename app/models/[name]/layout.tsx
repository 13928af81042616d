import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { getModelFacts } from "@/lib/queries/model-profile";
import { BackToLeaderboard } from "@/components/leaderboard/back-to-leaderboard";

interface LayoutProps {
  children: ReactNode;
  params: Promise<{ name: string }>;
}

const STATUS_CLASS: Record<string, string> = {
  ACTIVE: "border-emerald-300 bg-emerald-50 text-emerald-800",
  PAUSED: "border-amber-300 bg-amber-50 text-amber-800",
  DEPRECATED: "border-slate-300 bg-slate-100 text-slate-700",
};

/**
 * The model's name and roster facts. The existence check lives here, outside the page's loading boundary,
 * so an unknown name is answered with a real 404 before anything streams; the slower page fills in below.
 */
export default async function ModelLayout({ children, params }: LayoutProps) {
  const model = await getModelFacts((await params).name);
  if (!model) notFound();
  const t = await getTranslations("model");
  const statusKey = `status.${model.status}`;
  const status = {
    label: t.has(statusKey) ? t(statusKey) : model.status,
    className: STATUS_CLASS[model.status] ?? "border-slate-300 bg-white",
  };
  return (
    <article className="space-y-6">
      <header>
        <BackToLeaderboard />
        <h1 className="mt-1 text-2xl font-bold" data-testid="model-name">
          {model.displayName}
        </h1>
        <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
          <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{model.name}</code>
          <span>{model.organization}</span>
          <span>{t("licence", { license: model.license })}</span>
          <span className={`rounded-full border px-2 py-0.5 text-xs ${status.className}`}>{status.label}</span>
        </p>
      </header>
      {children}
    </article>
  );
}
