"use client";

import { useEffect, useState } from "react";

export type StreamStatus = "waiting" | "streaming" | "done" | "void" | "lost";

export interface BattleStream {
  status: StreamStatus;
  textA: string;
  textB: string;
  voidReason: string | null;
}

/**
 * Follows GET /api/battles/[id]/stream while a battle is being generated: "wait" heartbeats,
 * then "delta" frames carrying both sides at once, then "done" (or one "void"). A battle that is
 * already complete is returned as is, without a connection.
 */
export function useBattleStream(battle: {
  id: string;
  state: string;
  responseA: string;
  responseB: string;
  voidReason: string | null;
}): BattleStream {
  const isPending = battle.state === "PENDING" || battle.state === "GENERATING";
  const [stream, setStream] = useState<BattleStream>(() =>
    isPending
      ? { status: "waiting", textA: "", textB: "", voidReason: null }
      : {
          status: battle.state === "VOID" ? "void" : "done",
          textA: battle.responseA,
          textB: battle.responseB,
          voidReason: battle.voidReason,
        },
  );

  useEffect(() => {
    if (!isPending) return;
    const source = new EventSource(`/api/battles/${encodeURIComponent(battle.id)}/stream`);
    let isFinished = false;
    source.addEventListener("delta", (event) => {
      const { a, b } = JSON.parse((event as MessageEvent<string>).data) as { a: string; b: string };
      setStream((s) => ({ ...s, status: "streaming", textA: s.textA + a, textB: s.textB + b }));
    });
    // The server ends the stream after "done" or "void"; the connection is closed in onerror then
    // (closing here could cut the response short before the server's end).
    source.addEventListener("done", () => {
      isFinished = true;
      setStream((s) => ({ ...s, status: "done" }));
    });
    source.addEventListener("void", (event) => {
      isFinished = true;
      const { reason } = JSON.parse((event as MessageEvent<string>).data) as { reason: string };
      setStream({ status: "void", textA: "", textB: "", voidReason: reason });
    });
    source.onerror = () => {
      // The stream ended or broke. EventSource would reconnect and replay from the start; never.
      source.close();
      if (!isFinished) setStream((s) => ({ ...s, status: "lost" }));
    };
    return () => source.close();
  }, [battle.id, isPending]);

  return stream;
}
