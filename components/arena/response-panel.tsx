import type { RevealedModel } from "@/lib/queries/battles";

interface Props {
  side: "A" | "B";
  text: string;
  model?: RevealedModel;
  isWinner: boolean;
}

/** One anonymous response; after the vote it shows which model wrote it. */
export function ResponsePanel({ side, text, model, isWinner }: Props) {
  return (
    <article className={`rounded border bg-white p-4 ${isWinner ? "border-green-500 ring-1 ring-green-500" : "border-slate-200"}`} data-testid={`response-${side}`}>
      <header className="mb-2 flex items-baseline justify-between gap-2">
        <h2 className="font-semibold">Response {side}</h2>
        {model && (
          <span className="text-sm text-slate-700" data-testid={`model-${side}`}>
            {model.displayName} · {model.organization}
          </span>
        )}
      </header>
      {text.trim() ? (
        <div className="response-text max-h-[32rem] overflow-y-auto text-sm leading-relaxed">{text}</div>
      ) : (
        <p className="text-sm italic text-slate-500">(This model returned an empty response.)</p>
      )}
    </article>
  );
}
