import dns from "node:dns";
import net from "node:net";

/**
 * Where a live provider may be called (server-side request forgery): an admin's base URL makes the
 * server send requests, with the model's API key, to that host. Link-local and cloud-metadata
 * addresses (169.254.169.254 and friends hand out cloud credentials) are refused always; loopback and
 * private networks are refused unless SHOWDOWN_ALLOW_PRIVATE_PROVIDER_URLS=true, for a deployment
 * that runs its own vLLM or Ollama next to the app. Checked when an admin saves a URL and again on
 * every connection, against every address the name resolves to (lib/providers/guarded-fetch.ts).
 */

export type AddressClass = "public" | "private" | "forbidden";

const FORBIDDEN = new net.BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network"; 0.0.0.0 reaches the local host
  ["169.254.0.0", 16], // link-local, includes 169.254.169.254 (AWS, GCP, Azure, OpenStack metadata)
  ["192.0.0.0", 24], // IETF protocol assignments (192.0.0.192 is Oracle Cloud's metadata)
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved and broadcast
] as const)
  FORBIDDEN.addSubnet(network, prefix, "ipv4");
FORBIDDEN.addAddress("100.100.100.200", "ipv4"); // Alibaba Cloud metadata
for (const [network, prefix] of [
  ["::", 128], // unspecified
  ["fe80::", 10], // link-local
  ["fec0::", 10], // deprecated site-local
  ["ff00::", 8], // multicast
  ["fd00:ec2::254", 128], // AWS metadata over IPv6
] as const)
  FORBIDDEN.addSubnet(network, prefix, "ipv6");

const PRIVATE = new net.BlockList();
for (const [network, prefix] of [
  ["127.0.0.0", 8],
  ["10.0.0.0", 8],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["100.64.0.0", 10], // carrier-grade NAT, also cloud-internal ranges
  ["198.18.0.0", 15], // benchmarking
] as const)
  PRIVATE.addSubnet(network, prefix, "ipv4");
PRIVATE.addSubnet("::1", 128, "ipv6");
PRIVATE.addSubnet("fc00::", 7, "ipv6"); // unique local

/** Names that are metadata services or this machine whatever DNS says. */
const FORBIDDEN_NAMES = new Set(["metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal"]);

/** The eight 16-bit groups of an IPv6 address. */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().split("%")[0]!;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split(".").map(Number) as [number, number, number, number];
    text = text.slice(0, -v4[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const left = head ? head.split(":").map((h) => parseInt(h, 16)) : [];
  const right = tail ? tail.split(":").map((h) => parseInt(h, 16)) : [];
  return tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
}

/** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64 or 6to4), if any. */
function embeddedIpv4(address: string): string | null {
  const g = ipv6Groups(address);
  if (g.length !== 8) return null;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && (g[5] === 0xffff || g[5] === 0) && !(g[5] === 0 && g[6] === 0)) return v4(g[6]!, g[7]!); // ::ffff:a.b.c.d, ::a.b.c.d
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return v4(g[6]!, g[7]!); // NAT64 64:ff9b::/96
  if (g[0] === 0x2002) return v4(g[1]!, g[2]!); // 6to4
  return null;
}

/** How an IP address may be used as a provider: public, private (with the setting) or forbidden. */
export function classifyAddress(address: string): AddressClass {
  const family = net.isIP(address);
  if (family === 0) return "forbidden";
  const type = family === 4 ? "ipv4" : "ipv6";
  if (FORBIDDEN.check(address, type)) return "forbidden";
  if (family === 6) {
    const inner = embeddedIpv4(address);
    if (inner) {
      const innerClass = classifyAddress(inner);
      if (innerClass !== "public") return innerClass;
    }
  }
  return PRIVATE.check(address, type) ? "private" : "public";
}

/** The refusal message for an address of this class, or null when it may be called. */
export function addressProblem(host: string, address: string, allowPrivate: boolean): string | null {
  const kind = classifyAddress(address);
  const shown = host === address ? host : `${host} (${address})`;
  if (kind === "forbidden")
    return `Base URL points at ${shown}, a link-local, metadata or reserved address; provider URLs may never point there.`;
  if (kind === "private" && !allowPrivate) {
    return `Base URL points at ${shown}, a loopback or private-network address. To call a model server on this machine or your network (vLLM, Ollama), set SHOWDOWN_ALLOW_PRIVATE_PROVIDER_URLS=true.`;
  }
  return null;
}

/** The host of a URL without IPv6 brackets or a trailing dot, lower-cased. */
function bareHost(url: URL): string {
  return url.hostname
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "")
    .toLowerCase();
}

/**
 * What is wrong with a base URL without resolving its name: the scheme, credentials in the URL, an
 * IP literal of a refused class (the URL parser has already turned 2130706433 or 0x7f.1 into
 * 127.0.0.1), or a name that always means this machine or a metadata service.
 */
export function baseUrlProblem(value: string | URL, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = typeof value === "string" ? new URL(value) : value;
  } catch {
    return "Base URL must be a URL such as https://api.openai.com/v1.";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "Base URL must start with http:// or https://.";
  if (url.username || url.password) return "Base URL must not contain a user name or password; put the key in the API key field.";
  const host = bareHost(url);
  if (net.isIP(host)) return addressProblem(host, host, allowPrivate);
  if (FORBIDDEN_NAMES.has(host)) return `Base URL points at ${host}, a cloud metadata service; provider URLs may never point there.`;
  if (host === "localhost" || host.endsWith(".localhost")) return addressProblem(host, "127.0.0.1", allowPrivate);
  return null;
}

const RESOLVE_TIMEOUT_MS = 3000;

/**
 * The check when an admin saves a base URL: baseUrlProblem, then every address the name resolves to
 * now. A name that does not resolve (yet) is accepted: each connection checks again
 * (guardedLookup), so a later DNS change cannot slip through.
 */
export async function checkBaseUrl(value: string, allowPrivate: boolean): Promise<string | null> {
  const problem = baseUrlProblem(value, allowPrivate);
  if (problem) return problem;
  const url = new URL(value);
  const host = bareHost(url);
  if (net.isIP(host)) return null;
  const addresses = await new Promise<dns.LookupAddress[]>((resolve) => {
    const timer = setTimeout(() => resolve([]), RESOLVE_TIMEOUT_MS);
    dns.lookup(host, { all: true }, (error, found) => {
      clearTimeout(timer);
      resolve(error ? [] : found);
    });
  });
  for (const { address } of addresses) {
    const found = addressProblem(host, address, allowPrivate);
    if (found) return found;
  }
  return null;
}

/** Raised by guardedLookup; the provider call fails with this message (no key or body in it). */
export class RefusedAddressError extends Error {
  readonly code = "EREFUSEDADDRESS";
  constructor(message: string) {
    super(message);
    this.name = "RefusedAddressError";
  }
}

/**
 * A `lookup` for node:http(s) that resolves the name and refuses the connection unless every
 * address is allowed. The connection then goes to one of exactly these addresses, so a name that
 * resolves differently between a check and the connection (DNS rebinding) cannot reach a refused one.
 */
export function guardedLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      for (const { address } of addresses) {
        const problem = addressProblem(hostname, address, allowPrivate);
        if (problem) return callback(new RefusedAddressError(problem), "", 0);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 0);
      callback(null, first.address, first.family);
    });
  };
}
