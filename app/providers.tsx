"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

/**
 * Client-side context: one QueryClient per browser tab. No next-auth SessionProvider: no client component reads the
 * session (the server renders who is signed in), and the provider would fetch /api/auth/session on every page load.
 * signIn and signOut from next-auth/react work without it. zod is configured for the browser where forms load it
 * (lib/zod-browser.ts), not here, so that pages without a form do not load it.
 */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } }));
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
