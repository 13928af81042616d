import type { Page, Response } from "@playwright/test";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Every identifying string (names, display names, organizations) found in a text, word-bounded. */
export function namesIn(text: string, identifying: readonly string[]): string[] {
  return identifying.filter((s) => new RegExp(`(?<![A-Za-z0-9])${escape(s)}(?![A-Za-z0-9])`).test(text));
}

/**
 * Collects every document, RSC payload, JSON body and server-sent-event stream the page receives
 * from now until stop() (static bundles are the same for every battle and are skipped).
 */
export function recordBodies(page: Page): { stop: () => Promise<string[]> } {
  const pending: Promise<string>[] = [];
  const onResponse = (r: Response) => {
    const type = r.headers()["content-type"] ?? "";
    if (/html|json|x-component|text\/plain|event-stream/.test(type)) {
      pending.push(
        r.text().then(
          (body) => `${r.url()} ${JSON.stringify(r.headers())} ${body}`,
          () => "",
        ),
      );
    }
  };
  page.on("response", onResponse);
  return {
    stop: async () => {
      page.off("response", onResponse);
      return (await Promise.all(pending)).filter(Boolean);
    },
  };
}
