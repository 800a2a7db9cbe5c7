// The table list the backup and copy tools walk: every model of the generated client, each after the tables it
// references, with the facts of the schema read by hand (primary keys, Json columns, the one self-reference).
import { expect, test } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { canonicalRow, normalise } from "./copy";
import { tablesInForeignKeyOrder } from "./tables";

const tables = tablesInForeignKeyOrder();
const byName = new Map(tables.map((t) => [t.model, t]));

test("every model of the generated client, once", () => {
  expect(tables.map((t) => t.model).sort()).toEqual(Object.values(Prisma.ModelName).sort());
});

test("each table comes after every table it references", () => {
  const seen = new Set<string>();
  for (const t of tables) {
    for (const dep of t.dependsOn) expect(seen.has(dep), `${t.model} after ${dep}`).toBe(true);
    seen.add(t.model);
  }
});

test("foreign keys, keys and Json columns as prisma/schema.prisma states them", () => {
  expect(byName.get("Score")!.dependsOn.sort()).toEqual(["Candidate", "Criterion", "User"]);
  expect(byName.get("PairwiseJudgment")!.dependsOn.sort()).toEqual(["Criterion", "Decision", "User"]);
  expect(byName.get("Workspace")!.dependsOn).toEqual([]);
  expect(byName.get("Decision")!.selfRefs).toEqual(["supersededById"]);
  // A criterion's group is a criterion of the same decision (the criteria tree).
  expect(byName.get("Criterion")!.selfRefs).toEqual(["parentId"]);
  expect(tables.filter((t) => t.selfRefs.length).map((t) => t.model)).toEqual(["Decision", "Criterion"]);
  expect(byName.get("RateLimit")!.pk).toEqual(["key"]);
  expect(byName.get("Score")!.pk).toEqual(["id"]);
  expect([...byName.get("AuditEvent")!.json].sort()).toEqual(["after", "before"]);
  expect([...byName.get("Decision")!.json]).toEqual(["settings"]);
  expect(byName.get("Score")!.fields).toContain("evaluatorId");
});

test("normalised values: the same data gives the same text whatever the backend returned", () => {
  expect(normalise(new Date("2026-01-02T03:04:05.678Z"))).toBe("2026-01-02T03:04:05.678Z");
  expect(normalise(9223372036854775807n)).toBe("9223372036854775807");
  expect(normalise(-0)).toBe(0);
  // jsonb hands keys back in its own order.
  expect(JSON.stringify(normalise({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } }))).toBe(
    JSON.stringify({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
  );
  const t = byName.get("RateLimit")!;
  const row = { key: "k", count: 1, windowStart: 5n, lastAt: 6n };
  expect(canonicalRow(t, row)).toBe(canonicalRow(t, { lastAt: 6n, windowStart: 5n, count: 1, key: "k" }));
  expect(canonicalRow(t, row)).not.toBe(canonicalRow(t, { ...row, lastAt: 7n }));
  expect(canonicalRow(t, row)).toBe('[["key","k"],["count",1],["windowStart","5"],["lastAt","6"]]');
});
