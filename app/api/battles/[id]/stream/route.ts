import { handle } from "@/lib/api";
import { settleBattle } from "@/lib/battle/generation";
import { FRAME_MS, frameCount, frameDelta } from "@/lib/battle/pacing";
import { SSE_HEADERS, sseEvent } from "@/lib/battle/sse";
import { getOwnBattle } from "@/lib/queries/battles";
import { requireUser } from "@/lib/session";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The responses of the contributor's battle as server-sent events. Generation runs to the end and
 * is stored whether or not the browser stays connected. While it runs only side-agnostic "wait"
 * heartbeats are sent; then both responses are played out together over the same frames
 * ("delta" events with text for A and B) and a "done" event follows; a failed battle sends one
 * "void" event with its reason. Nothing sent here names a model.
 */
export const GET = handle(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = await context.params;
  const initial = await getOwnBattle(user.id, id); // 404 for missing or foreign battles
  // A battle already OPEN, VOTED or VOID (a replay pair is stored OPEN) is played from this read.
  let isSettled = initial.state !== "PENDING" && initial.state !== "GENERATING";
  const settled = isSettled
    ? Promise.resolve()
    : settleBattle(id)
        .catch((error) => console.error(`Generating battle ${id} failed`, error))
        .finally(() => {
          isSettled = true;
        });
  const encoder = new TextEncoder();
  let isClosed = false;

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (name: string, data: unknown) => {
        if (!isClosed) controller.enqueue(encoder.encode(sseEvent(name, data)));
      };
      const run = async () => {
        // A long reconnection delay: the browser closes the connection itself when the stream ends.
        if (!isClosed) controller.enqueue(encoder.encode("retry: 600000\n\n"));
        send("wait", {});
        while (!isSettled && !isClosed) {
          await Promise.race([settled, sleep(HEARTBEAT_MS)]);
          if (!isSettled) send("wait", {});
        }
        if (isClosed) return;
        const battle = initial.state === "PENDING" || initial.state === "GENERATING" ? await getOwnBattle(user.id, id) : initial;
        if (battle.state === "OPEN" || battle.state === "VOTED") {
          const frames = frameCount(battle.responseA, battle.responseB);
          for (let frame = 1; frame <= frames && !isClosed; frame++) {
            send("delta", frameDelta(battle.responseA, battle.responseB, frame, frames));
            if (frame < frames) await sleep(FRAME_MS);
          }
          send("done", {});
        } else {
          send("void", { reason: battle.voidReason ?? "provider_error" });
        }
      };
      run()
        .catch((error) => {
          console.error(`Streaming battle ${id} failed`, error);
          send("void", { reason: "provider_error" });
        })
        .finally(() => {
          if (!isClosed) {
            isClosed = true;
            controller.close();
          }
        });
    },
    cancel() {
      isClosed = true; // the browser left; generation carries on and is stored
    },
  });
  return new Response(body, { headers: SSE_HEADERS });
});
