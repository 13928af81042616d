import http from "node:http";
import https from "node:https";
import { Readable } from "node:stream";
import { webEnv } from "@/lib/env";
import { ProviderError } from "./provider-error";
import { RefusedAddressError, baseUrlProblem, guardedLookup } from "./url-policy";

export interface ProviderRequestInit {
  method: "POST";
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
}

function toHeaders(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/**
 * fetch() for provider calls, with the provider-URL policy (lib/providers/url-policy.ts) applied to
 * the URL and to every address the connection may use. Redirects are not followed (a 3xx is a
 * provider error like any other non-2xx), so a provider cannot bounce the call, and its key, to
 * another host. A refused address is a ProviderError whose message says why.
 */
export function providerFetch(url: string, init: ProviderRequestInit): Promise<Response> {
  const allowPrivate = webEnv().SHOWDOWN_ALLOW_PRIVATE_PROVIDER_URLS;
  const target = new URL(url);
  const problem = baseUrlProblem(target, allowPrivate);
  if (problem) return Promise.reject(new ProviderError("provider_error", problem));
  const client = target.protocol === "https:" ? https : http;
  const body = Buffer.from(init.body, "utf8");
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: init.method,
        headers: { ...init.headers, "content-length": String(body.byteLength) },
        signal: init.signal,
        lookup: guardedLookup(allowPrivate),
      },
      (response) => {
        const status = response.statusCode ?? 502;
        const isBodiless = status === 204 || status === 304;
        if (isBodiless) response.resume();
        resolve(
          new Response(isBodiless ? null : (Readable.toWeb(response) as ReadableStream<Uint8Array>), {
            status: status >= 200 && status <= 599 ? status : 502,
            headers: toHeaders(response.headers),
          }),
        );
      },
    );
    request.on("error", (error) =>
      reject(error instanceof RefusedAddressError ? new ProviderError("provider_error", error.message) : error),
    );
    request.end(body);
  });
}
