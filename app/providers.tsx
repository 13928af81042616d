"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { SessionProvider } from "next-auth/react";
import { useState, type ReactNode } from "react";
import { z } from "zod";

// zod 4 probes `new Function("")` once to decide whether to compile its parsers; the pages' CSP has no
// 'unsafe-eval', so the probe is blocked and reported as a violation. In the browser, parse without it.
// (This module runs before any client component below it renders, and so before any parse.)
if (typeof window !== "undefined") z.config({ jitless: true });

/** Client-side context: one QueryClient per browser tab, and the next-auth session. */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } }));
  return (
    <SessionProvider>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </SessionProvider>
  );
}
