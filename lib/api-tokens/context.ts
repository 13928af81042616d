import { AsyncLocalStorage } from "node:async_hooks";

/** The token that authorised the current request (set by lib/api-tokens/bearer.ts for one handler call). */
export interface BearerIdentity {
  tokenId: string;
  userId: string;
}

export const bearerStore = new AsyncLocalStorage<BearerIdentity>();

/** The bearer token behind the current request, or undefined (a browser session or anonymous). */
export function currentBearer(): BearerIdentity | undefined {
  return bearerStore.getStore();
}
