/** Types of client-address.mjs (plain JavaScript so that scripts/server.mjs can run it on Node). */
export declare const CLIENT_IP_HEADER: "x-showdown-client-ip";

interface Range {
  version: 4 | 6;
  base: bigint;
  mask: bigint;
}

export type TrustProxy = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "cidrs"; ranges: Range[] };

export declare function normalizeAddress(raw: string): string | null;
export declare function parseTrustProxy(value: string | undefined): TrustProxy;
export declare function isTrustedProxy(address: string, trust: TrustProxy): boolean;
export declare function resolveClientAddress(input: {
  remoteAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trust: TrustProxy;
}): { ip: string | null; isPeerTrusted: boolean };
export declare function addressLimitKey(ip: string): string;
