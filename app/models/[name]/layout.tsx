import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getModelFacts } from "@/lib/queries/model-profile";
import { BackToLeaderboard } from "@/components/leaderboard/back-to-leaderboard";

interface LayoutProps {
  children: ReactNode;
  params: Promise<{ name: string }>;
}

const STATUS: Record<string, { label: string; className: string }> = {
  ACTIVE: { label: "Active", className: "border-emerald-300 bg-emerald-50 text-emerald-800" },
  PAUSED: { label: "Paused: not in new battles", className: "border-amber-300 bg-amber-50 text-amber-800" },
  DEPRECATED: { label: "Deprecated", className: "border-slate-300 bg-slate-100 text-slate-700" },
};

/**
 * The model's name and roster facts. The existence check lives here, outside the page's loading boundary,
 * so an unknown name is answered with a real 404 before anything streams; the slower page fills in below.
 */
export default async function ModelLayout({ children, params }: LayoutProps) {
  const model = await getModelFacts((await params).name);
  if (!model) notFound();
  const status = STATUS[model.status] ?? { label: model.status, className: "border-slate-300 bg-white" };
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
          <span>Licence: {model.license}</span>
          <span className={`rounded-full border px-2 py-0.5 text-xs ${status.className}`}>{status.label}</span>
        </p>
      </header>
      {children}
    </article>
  );
}
