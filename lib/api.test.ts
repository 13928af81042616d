import { describe, expect, it } from "vitest";
import { z } from "zod";
import { queryParams, readQuery } from "./api";
import { isAppError } from "./errors";

const request = (query: string) => new Request(`http://localhost/api/x?${query}`);
const schema = z.object({
  format: z.enum(["csv", "jsonl"], { message: "format must be one of csv, jsonl" }).default("jsonl"),
  take: z.coerce.number().int().max(10).optional(),
});

describe("queryParams", () => {
  it.each([
    ["", {}],
    ["a=1", { a: "1" }],
    ["a=1&a=2&b=", { a: ["1", "2"], b: "" }],
    ["a.country=DE&b.country=JP", { "a.country": "DE", "b.country": "JP" }],
  ])("%j", (query, expected) => {
    expect(queryParams(request(query))).toEqual(expected);
  });
});

describe("readQuery", () => {
  it.each([
    ["", { format: "jsonl" }],
    ["format=csv&take=3", { format: "csv", take: 3 }],
  ])("%j parses", (query, expected) => {
    expect(readQuery(request(query), schema)).toEqual(expected);
  });

  it.each([
    ["format=xml", "invalid_input", "format must be one of csv, jsonl", { format: "format must be one of csv, jsonl" }],
    ["take=99", "invalid_input", "take: Too big: expected number to be <=10", { take: "Too big: expected number to be <=10" }],
  ] as const)("%j is a 400 that names the parameter", (query, code, message, details) => {
    let thrown: unknown;
    try {
      readQuery(request(query), schema);
    } catch (error) {
      thrown = error;
    }
    expect(isAppError(thrown)).toBe(true);
    expect(thrown).toMatchObject({ code, status: 400, message, details });
  });

  it("uses the code it is given", () => {
    expect(() => readQuery(request("format=xml"), schema, "invalid_filter")).toThrow(expect.objectContaining({ code: "invalid_filter" }));
  });
});
