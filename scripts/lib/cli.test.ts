import { describe, expect, it } from "vitest";
import { flagNumber, flagText, textTable } from "./cli";

describe("flags", () => {
  it("reads --name value and --name=value, else the fallback", () => {
    expect(flagText("only", "both", ["--only", "pg"])).toBe("pg");
    expect(flagText("only", "both", ["--only=sqlite"])).toBe("sqlite");
    expect(flagText("only", "both", ["--other", "x"])).toBe("both");
    expect(flagNumber("seconds", 5, {}, ["--seconds", "0.5"])).toBe(0.5);
    expect(flagNumber("editors", 50, { integer: true }, [])).toBe(50);
  });
  it("refuses what is not a fitting number", () => {
    expect(() => flagNumber("editors", 50, { integer: true }, ["--editors", "2.5"])).toThrow(/whole number/);
    expect(() => flagNumber("seconds", 5, {}, ["--seconds=-1"])).toThrow(/number/);
  });
});

describe("textTable", () => {
  it("pads labels left and figures right under a rule", () => {
    expect(
      textTable(
        ["", "ms"],
        [
          ["list", "3.5"],
          ["results page", "120.0"],
        ],
      ),
    ).toBe([`${" ".repeat(17)}ms`, "------------  -----", "list            3.5", "results page  120.0"].join("\n"));
  });
});
