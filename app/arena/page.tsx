import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ArenaView } from "@/components/arena/arena-view";
import { isAppError } from "@/lib/errors";
import { getArenaOptions, getCurrentBattle, getOrCreateOpenBattle, type AnonymousBattle } from "@/lib/queries/battles";
import { clientIp, enforceRateLimit } from "@/lib/rate-limit";
import { requirePageUser } from "@/lib/session";

export const dynamic = "force-dynamic";

/**
 * The arena: the contributor's unfinished battle, or a way to start one (type a prompt when two
 * live models are available, or take a sampled corpus prompt, which replay and live models both
 * answer; without live models a sampled battle is drawn at once). Only the AnonymousBattle (no model ids or names) reaches the client.
 */
export default async function ArenaPage() {
  const user = await requirePageUser("/arena");
  if (!user.hasProfile) redirect("/profile?next=/arena");
  const t = await getTranslations("arena");
  const [options, current] = await Promise.all([getArenaOptions(), getCurrentBattle(user.id)]);
  let battle: AnonymousBattle | null = current;
  let error = "";
  if (!battle && !options.canTypePrompt) {
    try {
      const request = new Request("http://arena.local/arena", { headers: await headers() });
      await enforceRateLimit({ action: "battle", userId: user.id, ip: clientIp(request) });
      // "Reuse", not "replace": two renders of this page at once (a client navigation and its
      // refresh, a reload) must agree on one battle, not abandon the one the other has shown.
      battle = await getOrCreateOpenBattle(user.id);
    } catch (caught) {
      if (!isAppError(caught)) throw caught;
      const minutes = Math.max(1, Math.ceil(Number(caught.details?.retryAfterSeconds ?? 60) / 60));
      error = caught.code === "rate_limited" ? t("errors.rateLimitedBattle", { minutes }) : t("errors.noModels");
    }
  }
  return (
    <section>
      <h1 className="sr-only">{t("title")}</h1>
      <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
      <ArenaView initialBattle={battle} options={{ ...options, canSample: options.canSample && !error }} initialError={error} />
    </section>
  );
}
