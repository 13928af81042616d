// Who is the client? Pure address logic for the HTTP server (scripts/server.mjs): TRUST_PROXY
// parsing, CIDR matching, X-Forwarded-For hop walking, IPv4/IPv6 normalisation. Plain JavaScript
// (types in client-address.d.mts) because the server runs on plain Node, outside the bundler.
import net from "node:net";

/** The request header, set only by scripts/server.mjs, that carries the client address to the app. */
export const CLIENT_IP_HEADER = "x-showdown-client-ip";

/** Named groups of proxy addresses accepted in TRUST_PROXY. */
const NAMED_RANGES = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
};

const MAX_HOPS = 20;

/** Parses IPv4 dotted quad to a bigint, or null. */
function ipv4ToBigInt(text) {
  if (net.isIPv4(text) === false) return null;
  return text.split(".").reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

/** Parses an IPv6 address (with :: and an optional embedded IPv4 tail) to a bigint, or null. */
function ipv6ToBigInt(text) {
  if (!net.isIPv6(text)) return null;
  let address = text.toLowerCase();
  const zone = address.indexOf("%");
  if (zone !== -1) address = address.slice(0, zone);
  let tail = [];
  const lastColon = address.lastIndexOf(":");
  const maybeV4 = address.slice(lastColon + 1);
  if (maybeV4.includes(".")) {
    const v4 = ipv4ToBigInt(maybeV4);
    if (v4 === null) return null;
    tail = [Number(v4 >> 16n), Number(v4 & 0xffffn)];
    address = address.slice(0, lastColon + 1) + "0:0"; // the two groups the IPv4 part stands for
  }
  const [head, rest] = address.includes("::") ? address.split("::") : [address, null];
  const headGroups = head ? head.split(":") : [];
  const restGroups = rest ? rest.split(":") : [];
  let groups;
  if (rest === null) groups = headGroups;
  else groups = [...headGroups, ...Array(8 - headGroups.length - restGroups.length).fill("0"), ...restGroups];
  const values = groups.map((g) => parseInt(g, 16));
  if (values.length !== 8 || values.some((v) => !Number.isInteger(v) || v < 0 || v > 0xffff)) return null;
  if (tail.length) values.splice(6, 2, ...tail);
  return values.reduce((acc, v) => (acc << 16n) | BigInt(v), 0n);
}

const MAPPED_PREFIX = 0xffffn << 32n; // ::ffff:0:0/96

/** Formats a 128-bit value as canonical IPv6 text (RFC 5952: lower case, longest zero run as ::). */
function formatIpv6(value) {
  const groups = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart === -1) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}

function formatIpv4(value) {
  return [24n, 16n, 8n, 0n].map((s) => String(Number((value >> s) & 0xffn))).join(".");
}

/**
 * Parses one address as a proxy or client sends it: plain IPv4 or IPv6, IPv6 in brackets, with a
 * port ("1.2.3.4:5678", "[::1]:80"), or IPv4-mapped IPv6 (which becomes IPv4). Returns the
 * version and numeric value, or null when it is not an IP address.
 */
function parseAddress(raw) {
  if (typeof raw !== "string") return null;
  let text = raw.trim();
  if (!text || text.length > 100) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1];
  else if (/^[\d.]+:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  const v4 = ipv4ToBigInt(text);
  if (v4 !== null) return { version: 4, value: v4 };
  const v6 = ipv6ToBigInt(text);
  if (v6 === null) return null;
  if (v6 >> 32n === MAPPED_PREFIX >> 32n) return { version: 4, value: v6 & 0xffffffffn };
  return { version: 6, value: v6 };
}

/** The canonical text of an address (IPv4-mapped IPv6 as IPv4, IPv6 in RFC 5952 form), or null if it is not one. */
export function normalizeAddress(raw) {
  const parsed = parseAddress(raw);
  if (!parsed) return null;
  return parsed.version === 4 ? formatIpv4(parsed.value) : formatIpv6(parsed.value);
}

/** Parses "a.b.c.d/n", "x::/n" or a bare address (a /32 or /128 range). */
function parseRange(text) {
  const [addressText, prefixText, extra] = text.split("/");
  if (extra !== undefined) return null;
  const address = parseAddress(addressText);
  if (!address) return null;
  const bits = address.version === 4 ? 32 : 128;
  // an IPv4-mapped range such as ::ffff:10.0.0.0/104 is the IPv4 range 10.0.0.0/8
  const isMapped = address.version === 4 && addressText.includes(":");
  let prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  if (isMapped && prefixText !== undefined) prefix -= 96;
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits) return null;
  const mask = prefix === 0 ? 0n : ((1n << BigInt(prefix)) - 1n) << BigInt(bits - prefix);
  return { version: address.version, base: address.value & mask, mask };
}

/**
 * Parses TRUST_PROXY. Unset, empty, "0", "false" or "none": forwarding headers are ignored (the
 * client is the socket's peer). A number N (1-20): N proxies stand in front of the app, and the
 * client is the address the N-th of them saw. Otherwise a comma- or space-separated list of proxy
 * addresses and CIDR ranges (or loopback, private, linklocal). Throws on anything else, "true" included.
 */
export function parseTrustProxy(value) {
  const text = (value ?? "").trim();
  if (text === "" || text === "0" || /^(false|none|off|no)$/i.test(text)) return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > MAX_HOPS) throw new Error(`TRUST_PROXY: ${hops} hops is more proxies than any real deployment has (at most ${MAX_HOPS}).`);
    return { kind: "hops", hops };
  }
  if (/^(true|yes|on|all|\*)$/i.test(text)) {
    throw new Error(
      "TRUST_PROXY must be the number of proxies in front of the app or their addresses (CIDR list); trusting every sender would let any client choose its own address.",
    );
  }
  const ranges = [];
  for (const item of text.split(/[\s,]+/).filter(Boolean)) {
    const named = NAMED_RANGES[item.toLowerCase()];
    const parsed = (named ?? [item]).map(parseRange);
    if (parsed.some((r) => r === null)) {
      throw new Error(
        `TRUST_PROXY: "${item}" is not an IP address, a CIDR range (such as 10.0.0.0/8) or one of loopback, private, linklocal.`,
      );
    }
    ranges.push(...parsed);
  }
  return { kind: "cidrs", ranges };
}

/** True when an address (canonical text or raw) falls in one of the trusted ranges. */
export function isTrustedProxy(address, trust) {
  if (trust.kind === "hops") return true;
  if (trust.kind !== "cidrs") return false;
  const parsed = parseAddress(address);
  if (!parsed) return false;
  return trust.ranges.some((r) => r.version === parsed.version && (parsed.value & r.mask) === r.base);
}

/** The X-Forwarded-For entries, left to right, across repeated headers. */
function forwardedEntries(header) {
  const joined = Array.isArray(header) ? header.join(",") : (header ?? "");
  return joined
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The client's address for a request that arrived from `remoteAddress` (the socket's peer) with
 * the given X-Forwarded-For header(s), under the TRUST_PROXY setting `trust`. Entries are walked
 * from the right (the nearest proxy's view first), and only through proxies that are trusted:
 * everything left of the first untrusted hop is the client's own say and is ignored. An entry
 * that is not an IP address stops the walk at the last valid hop. `isPeerTrusted` says whether
 * the peer is a trusted proxy (whose X-Forwarded-Proto may be believed).
 */
export function resolveClientAddress({ remoteAddress, forwardedFor, trust }) {
  const peer = normalizeAddress(remoteAddress ?? "");
  const isPeerTrusted = peer !== null && trust.kind !== "none" && isTrustedProxy(peer, trust);
  if (!isPeerTrusted) return { ip: peer, isPeerTrusted: false };
  const entries = forwardedEntries(forwardedFor);
  let ip = peer;
  let hopsLeft = trust.kind === "hops" ? trust.hops : Infinity;
  while (hopsLeft > 0 && entries.length > 0) {
    if (trust.kind === "cidrs" && !isTrustedProxy(ip, trust)) break;
    const next = normalizeAddress(entries.pop());
    if (next === null) break;
    ip = next;
    hopsLeft--;
  }
  return { ip, isPeerTrusted: true };
}

/**
 * The key a per-address limit counts under: an IPv4 address, or the /64 network of an IPv6 one
 * (one subscriber gets a whole /64, so counting single IPv6 addresses would be no limit at all).
 */
export function addressLimitKey(ip) {
  const parsed = parseAddress(ip);
  if (!parsed) return ip;
  if (parsed.version === 4) return formatIpv4(parsed.value);
  return `${formatIpv6(parsed.value & (((1n << 64n) - 1n) << 64n))}/64`;
}
