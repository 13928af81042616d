import { describe, expect, it } from "vitest";
import { csvField, csvRecord, exportFileName, exportPreamble, formatCleanBattle, judgeId, type CleanBattle } from "./export-format";

const battle: CleanBattle = {
  model_a: "a",
  model_b: "b",
  winner: "tie (bothbad)",
  judge: "j",
  tstamp: 1735700000.123,
  country: "BR",
  region: "americas",
  age: "25-34",
  education: null,
  language: null,
  replay: false,
};

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\r", '"cr\r"'],
    [" padded", '" padded"'],
    ["", ""],
    [null, ""],
    [1735700000.123, "1735700000.123"],
    [-3.5, "-3.5"], // a number, not a formula
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ["+1+2", `"'+1+2"`],
    ["-2+3", `"'-2+3"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\tcmd", `"'\tcmd"`],
    ["\rcmd", `"'\rcmd"`],
    ["a=b", "a=b"], // only the first character matters
  ] as const)("%j -> %s", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe("formats", () => {
  it("writes CSV records with CRLF and a header row, JSON lines without one", () => {
    expect(csvRecord(["x", null, 2])).toBe("x,,2\r\n");
    expect(exportPreamble("csv")).toBe("model_a,model_b,winner,judge,tstamp,country,region,age,education,language,replay\r\n");
    expect(exportPreamble("jsonl")).toBe("");
    expect(formatCleanBattle(battle, "csv")).toBe("a,b,tie (bothbad),j,1735700000.123,BR,americas,25-34,,,false\r\n");
    expect(JSON.parse(formatCleanBattle(battle, "jsonl"))).toEqual(battle);
    expect(exportFileName(new Date("2026-09-23T11:00:00Z"), "csv")).toBe("showdown-votes-before-2026-09-23.csv");
  });

  it("derives judges that are stable per secret and voter, and differ otherwise", () => {
    const id = judgeId("secret-one-0123456789", "user-1");
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(judgeId("secret-one-0123456789", "user-1")).toBe(id);
    expect(judgeId("secret-one-0123456789", "user-2")).not.toBe(id);
    expect(judgeId("secret-two-0123456789", "user-1")).not.toBe(id);
  });
});
