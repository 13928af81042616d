import { z } from "zod";

/**
 * Imported first by every schema module that client components use (lib/policy.ts, lib/profile-schema.ts,
 * lib/battle/prompt.ts, lib/api-tokens/schemas.ts), so that zod is configured wherever the browser loads it, and
 * only there: pages without a form (the leaderboard) do not load zod at all.
 *
 * zod 4 probes `new Function("")` once to decide whether to compile its parsers; the pages' CSP has no
 * 'unsafe-eval', so the probe is blocked and reported as a violation. In the browser, parse without it. The probe
 * runs at the first parse, after this module has run.
 */
if (typeof window !== "undefined") z.config({ jitless: true });
