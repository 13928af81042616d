"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { z } from "zod";

// zod 4 probes `new Function("")` once to decide whether to compile its parsers; the pages' CSP has no
// 'unsafe-eval', so the probe is blocked and reported as a violation. In the browser, parse without it.
// (This module runs before any client component below it renders, and so before any parse.)
if (typeof window !== "undefined") z.config({ jitless: true });

/**
 * Client-side context: one QueryClient per browser tab. No next-auth SessionProvider: no client component reads the
 * session (the server renders who is signed in), and the provider would fetch /api/auth/session on every page load.
 * signIn and signOut from next-auth/react work without it.
 */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } }));
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
