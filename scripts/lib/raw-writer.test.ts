import { describe, expect, it } from "vitest";
import { toSqlitePlaceholders } from "./raw-writer";

describe("toSqlitePlaceholders", () => {
  it("turns $n into ? and picks each one's value in order of appearance, repeats included", () => {
    expect(toSqlitePlaceholders(`SELECT * FROM "T" WHERE a = $2 AND b = $1 OR c = $2`)).toEqual({
      sql: `SELECT * FROM "T" WHERE a = ? AND b = ? OR c = ?`,
      order: [1, 0, 1],
    });
    expect(toSqlitePlaceholders("SELECT 1")).toEqual({ sql: "SELECT 1", order: [] });
  });
});
