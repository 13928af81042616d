import { redirect } from "next/navigation";
import { ArenaBattle } from "@/components/arena/arena-battle";
import { isAppError } from "@/lib/errors";
import { getOrCreateOpenBattle, type AnonymousBattle } from "@/lib/queries/battles";
import { requirePageUser } from "@/lib/session";

/**
 * The arena: one prompt, two anonymous responses. Only the AnonymousBattle (no model ids or names)
 * is passed to the client component, so nothing sent before the vote identifies the models.
 */
export default async function ArenaPage() {
  const user = await requirePageUser("/arena");
  if (!user.hasProfile) redirect("/profile?next=/arena");
  let battle: AnonymousBattle;
  try {
    battle = await getOrCreateOpenBattle(user.id);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return <p className="rounded border border-amber-300 bg-amber-50 p-4 text-amber-900">{error.message}</p>;
  }
  return (
    <section>
      <h1 className="sr-only">Arena</h1>
      <p className="mb-4 text-sm text-slate-600">
        Read both answers and vote for the better one. The models stay hidden until you vote.
      </p>
      <ArenaBattle key={battle.id} battle={battle} />
    </section>
  );
}
