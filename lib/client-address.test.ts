import { describe, expect, it } from "vitest";
import { addressLimitKey, isTrustedProxy, normalizeAddress, parseTrustProxy, resolveClientAddress } from "./client-address.mjs";

describe("normalizeAddress", () => {
  it.each([
    ["1.2.3.4", "1.2.3.4"],
    [" 1.2.3.4 ", "1.2.3.4"],
    ["1.2.3.4:5678", "1.2.3.4"],
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["::FFFF:7f00:1", "127.0.0.1"],
    ["[::ffff:10.1.2.3]:443", "10.1.2.3"],
    ["2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["[2001:db8::1]:8080", "2001:db8::1"],
    ["::1", "::1"],
    ["64:ff9b::192.0.2.33", "64:ff9b::c000:221"],
    ["unknown", null],
    ["1.2.3", null],
    ["999.1.1.1", null],
    ["", null],
    ["1.2.3.4, 5.6.7.8", null],
  ])("%s -> %s", (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });
});

describe("parseTrustProxy", () => {
  it.each([undefined, "", " ", "0", "false", "none"])("%s trusts nothing", (value) => {
    expect(parseTrustProxy(value)).toEqual({ kind: "none" });
  });
  it("reads a hop count", () => {
    expect(parseTrustProxy("2")).toEqual({ kind: "hops", hops: 2 });
  });
  it.each(["true", "*", "all", "10.0.0.0/33", "10.0.0.0/8/1", "proxy.example.com", "10.0.0.0/x", "99"])(
    "refuses %s with a message naming it",
    (value) => {
      expect(() => parseTrustProxy(value)).toThrow(/TRUST_PROXY/);
    },
  );
  it("reads addresses, CIDR ranges and named groups", () => {
    const trust = parseTrustProxy("10.0.0.0/8, 192.0.2.7 2001:db8::/32,loopback");
    expect(isTrustedProxy("10.200.3.4", trust)).toBe(true);
    expect(isTrustedProxy("11.0.0.1", trust)).toBe(false);
    expect(isTrustedProxy("192.0.2.7", trust)).toBe(true);
    expect(isTrustedProxy("192.0.2.8", trust)).toBe(false);
    expect(isTrustedProxy("2001:db8:ffff::1", trust)).toBe(true);
    expect(isTrustedProxy("2001:db9::1", trust)).toBe(false);
    expect(isTrustedProxy("127.9.9.9", trust)).toBe(true);
    expect(isTrustedProxy("::1", trust)).toBe(true);
    expect(isTrustedProxy("::ffff:10.1.1.1", trust)).toBe(true); // IPv4-mapped peer of a dual-stack socket
  });
  it("reads an IPv4-mapped range as its IPv4 range", () => {
    const trust = parseTrustProxy("::ffff:10.0.0.0/104");
    expect(isTrustedProxy("10.9.9.9", trust)).toBe(true);
    expect(isTrustedProxy("11.0.0.1", trust)).toBe(false);
  });
});

describe("resolveClientAddress", () => {
  const none = parseTrustProxy(undefined);
  const oneHop = parseTrustProxy("1");
  const twoHops = parseTrustProxy("2");
  const proxies = parseTrustProxy("10.0.0.0/8");

  it.each([
    ["no TRUST_PROXY: a forged header is ignored", none, "203.0.113.5", "1.2.3.4", "203.0.113.5", false],
    ["no TRUST_PROXY: the mapped peer is IPv4", none, "::ffff:203.0.113.5", "1.2.3.4", "203.0.113.5", false],
    ["one hop: the proxy's entry", oneHop, "10.0.0.2", "1.2.3.4, 198.51.100.7", "198.51.100.7", true],
    ["one hop: no header, the peer", oneHop, "10.0.0.2", undefined, "10.0.0.2", true],
    ["two hops", twoHops, "10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.9", "198.51.100.7", true],
    ["two hops, fewer entries: the left-most", twoHops, "10.0.0.2", "198.51.100.7", "198.51.100.7", true],
    ["cidrs: walks through trusted proxies only", proxies, "10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.9", "198.51.100.7", true],
    [
      "cidrs: a client-chosen entry left of an untrusted hop is ignored",
      proxies,
      "10.0.0.2",
      "10.0.0.1, 198.51.100.7",
      "198.51.100.7",
      true,
    ],
    ["cidrs: an untrusted peer's header is ignored", proxies, "203.0.113.5", "1.2.3.4", "203.0.113.5", false],
    ["cidrs: garbage stops the walk at the last valid hop", proxies, "10.0.0.2", "1.2.3.4, not-an-ip", "10.0.0.2", true],
    ["one hop: entries with ports and brackets", oneHop, "10.0.0.2", "[2001:db8::7]:4711", "2001:db8::7", true],
  ] as const)("%s", (_name, trust, remoteAddress, forwardedFor, ip, isPeerTrusted) => {
    expect(resolveClientAddress({ remoteAddress, forwardedFor, trust })).toEqual({ ip, isPeerTrusted });
  });

  it("joins repeated X-Forwarded-For headers", () => {
    expect(resolveClientAddress({ remoteAddress: "10.0.0.2", forwardedFor: ["1.2.3.4", "198.51.100.7"], trust: oneHop }).ip).toBe(
      "198.51.100.7",
    );
  });

  it("has no address without a peer", () => {
    expect(resolveClientAddress({ remoteAddress: undefined, forwardedFor: "1.2.3.4", trust: oneHop })).toEqual({
      ip: null,
      isPeerTrusted: false,
    });
  });
});

describe("addressLimitKey", () => {
  it("counts IPv4 addresses singly and IPv6 by /64", () => {
    expect(addressLimitKey("198.51.100.7")).toBe("198.51.100.7");
    expect(addressLimitKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressLimitKey("2001:db8:1:2:bbbb::9")).toBe("2001:db8:1:2::/64");
  });
});
