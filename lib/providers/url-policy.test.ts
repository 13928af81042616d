import { describe, expect, it } from "vitest";
import { baseUrlProblem, classifyAddress } from "./url-policy";

describe("classifyAddress", () => {
  it.each([
    ["169.254.169.254", "forbidden"], // AWS, GCP, Azure metadata
    ["169.254.1.1", "forbidden"],
    ["100.100.100.200", "forbidden"], // Alibaba metadata
    ["0.0.0.0", "forbidden"],
    ["0.1.2.3", "forbidden"],
    ["224.0.0.1", "forbidden"],
    ["255.255.255.255", "forbidden"],
    ["fe80::1", "forbidden"],
    ["fd00:ec2::254", "forbidden"], // AWS metadata over IPv6, although inside fc00::/7
    ["::", "forbidden"],
    ["ff02::1", "forbidden"],
    ["::ffff:169.254.169.254", "forbidden"], // IPv4-mapped
    ["::ffff:a9fe:a9fe", "forbidden"],
    ["64:ff9b::a9fe:a9fe", "forbidden"], // NAT64 of 169.254.169.254
    ["127.0.0.1", "private"],
    ["127.8.9.10", "private"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.10", "private"],
    ["100.64.0.1", "private"],
    ["::1", "private"],
    ["fd12:3456::1", "private"],
    ["::ffff:127.0.0.1", "private"],
    ["::ffff:10.0.0.1", "private"],
    ["2002:7f00:1::", "private"], // 6to4 of 127.0.0.1
    ["8.8.8.8", "public"],
    ["172.32.0.1", "public"],
    ["100.128.0.1", "public"],
    ["2606:4700::1111", "public"],
    ["::ffff:8.8.8.8", "public"],
    ["not-an-ip", "forbidden"],
  ])("%s is %s", (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});

describe("baseUrlProblem (the check without DNS)", () => {
  it.each([
    "http://169.254.169.254/latest/meta-data/",
    "http://[fd00:ec2::254]/",
    "http://[::ffff:169.254.169.254]/",
    "http://metadata.google.internal/computeMetadata/v1/",
    "http://METADATA.google.internal./",
    "http://100.100.100.200/",
    "http://0.0.0.0:8000/v1",
    "http://2852039166/", // 169.254.169.254 written as one number: the URL parser normalises it
    "http://0xa9.0xfe.0xa9.0xfe/",
  ])("refuses %s always", (url) => {
    expect(baseUrlProblem(url, true)).toMatch(/may never point there/);
  });

  it.each([
    "http://127.0.0.1:8000/v1",
    "http://localhost:11434/v1",
    "http://ollama.localhost/v1",
    "http://[::1]:8000/v1",
    "http://10.0.0.5/v1",
    "http://192.168.1.20:8000/v1",
    "http://2130706433/v1",
    "http://0x7f.1/v1",
  ])("refuses %s without the setting and accepts it with SHOWDOWN_ALLOW_PRIVATE_PROVIDER_URLS", (url) => {
    expect(baseUrlProblem(url, false)).toMatch(/SHOWDOWN_ALLOW_PRIVATE_PROVIDER_URLS=true/);
    expect(baseUrlProblem(url, true)).toBeNull();
  });

  it.each([
    ["ftp://example.com/", /http:\/\/ or https:\/\//],
    ["https://user:secret@api.example.com/v1", /user name or password/],
    ["not a url", /must be a URL/],
  ])("refuses %s", (url, message) => {
    expect(baseUrlProblem(url, true)).toMatch(message);
  });

  it.each(["https://api.openai.com/v1", "https://api.anthropic.com", "http://8.8.8.8/v1"])("accepts %s", (url) => {
    expect(baseUrlProblem(url, false)).toBeNull();
  });
});
