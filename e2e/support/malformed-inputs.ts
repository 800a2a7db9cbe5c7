// Generated malformed inputs for server actions and routes. Every generated action input is malformed by
// construction, so a correct server must refuse it and write nothing, whatever the action does with valid input:
// - "poisoned": real ids and plausible values, plus at least one string somewhere that carries a lone UTF-16
//   surrogate or a C0 control character, or nesting far deeper than any form produces — the app refuses such input
//   as a whole (SECURITY.md), so it must never reach the database;
// - "stringless": no strings at all (numbers, booleans, null, arrays, objects), so no id, name or text field can be
//   satisfied;
// - "poisoned form": a FormData, as a form action receives it, with at least one value carrying a control character
//   (multipart bodies are UTF-8, where a lone surrogate cannot travel).
import fc from "fast-check";

/** Field names the app's actions read; random keys reach no field, these do. */
export const FIELD_NAMES = [
  "id",
  "decisionId",
  "criterionId",
  "candidateId",
  "teamId",
  "memberId",
  "skillId",
  "userId",
  "evaluatorId",
  "workspaceId",
  "name",
  "title",
  "context",
  "description",
  "field",
  "value",
  "version",
  "base",
  "weight",
  "level",
  "minLevel",
  "reason",
  "email",
  "role",
  "password",
  "currentPassword",
  "newPassword",
  "token",
  "undoToken",
  "ids",
  "expected",
  "rows",
  "status",
  "chosenCandidateId",
  "rationale",
  "evidenceUrl",
  "link",
  "locale",
  "next",
  "settings",
  "kind",
  "direction",
  "expiresInDays",
  "label",
  "criterionAId",
  "criterionBId",
  "weights",
  "format",
  "json",
  "mapping",
];

const POISON = ["\ud800", "\udfff", "\udbff", "\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u001b", "\u001f"];
const FORM_POISON = POISON.filter((p) => !/[\ud800-\udfff]/.test(p));

/** Plausible text, including real ids of the fixture, so refusals happen at the edge, not at a failed lookup. */
function cleanString(realIds: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...realIds, "Kafka", "https://example.com/x", "a@b.example", "7", "RATING", "ARCHITECT", "en"),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: "grapheme", maxLength: 20 }),
  );
}

/** A clean string with a poison character at a random place. */
function poisoned(clean: fc.Arbitrary<string>, poison: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(clean, fc.constantFrom(...poison), fc.nat())
    .map(([s, p, at]) => s.slice(0, at % (s.length + 1)) + p + s.slice(at % (s.length + 1)));
}

const number = fc.oneof(
  fc.integer({ min: -5, max: 20 }),
  fc.double({ noNaN: true }),
  fc.constantFrom(0, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.1 + 0.2),
);
const scalar = fc.oneof(number, fc.boolean(), fc.constant(null));

function deep(leaf: fc.Arbitrary<unknown>, depth: number): fc.Arbitrary<unknown> {
  return leaf.chain((l) =>
    fc.boolean().map((asArray) => {
      let v: unknown = l;
      for (let i = 0; i < depth; i++) v = asArray ? [v] : { value: v };
      return v;
    }),
  );
}

function objectOf(value: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> {
  return fc.dictionary(fc.constantFrom(...FIELD_NAMES), value, { minKeys: 1, maxKeys: 8, noNullPrototype: true });
}

function valueTree(leaf: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.array(tie("tree"), { maxLength: 4 }),
      objectOf(tie("tree")),
    ),
  }));
  return tree;
}

/**
 * Argument lists (0–3 arguments) for a JSON-encoded action call: real ids and plausible values, plus at least one
 * string anywhere that carries a lone surrogate or a control character, or nesting 40 levels deep. The contract
 * (SECURITY.md) is that such input is refused as a whole, whatever else it holds.
 */
export function poisonedArgs(realIds: string[]): fc.Arbitrary<unknown[]> {
  const clean = cleanString(realIds);
  const bad = poisoned(clean, POISON);
  const tree = valueTree(fc.oneof(clean, bad, scalar));
  const must = fc.oneof(
    fc.tuple(objectOf(tree), fc.constantFrom(...FIELD_NAMES), bad).map(([o, k, p]) => ({ ...o, [k]: p })),
    bad,
    deep(fc.oneof(clean, scalar), 40),
    fc.tuple(objectOf(tree), fc.constantFrom(...FIELD_NAMES), deep(clean, 40)).map(([o, k, d]) => ({ ...o, [k]: d })),
  );
  return fc
    .tuple(fc.array(fc.oneof(objectOf(tree), clean, scalar), { maxLength: 2 }), must, fc.nat())
    .map(([rest, m, at]) => {
      const args: unknown[] = [...rest];
      args.splice(at % (rest.length + 1), 0, m);
      return args;
    });
}

/** Argument lists containing no string anywhere: wrong types for every id and text field. */
export function stringlessArgs(): fc.Arbitrary<unknown[]> {
  return fc.array(fc.oneof(valueTree(scalar), objectOf(valueTree(scalar)), deep(scalar, 60)), {
    minLength: 0,
    maxLength: 3,
  });
}

/** A form submission as React encodes it ([prevState, formData] or [token, prevState, formData]), one value poisoned. */
export function poisonedFormArgs(realIds: string[]): fc.Arbitrary<unknown[]> {
  const clean = cleanString(realIds);
  const bad = poisoned(clean, FORM_POISON);
  const entry = fc.tuple(fc.constantFrom(...FIELD_NAMES), fc.oneof(clean, bad));
  const mustEntry = fc.tuple(fc.constantFrom(...FIELD_NAMES), bad);
  return fc
    .tuple(
      fc.array(entry, { maxLength: 7 }),
      mustEntry,
      fc.constantFrom("prev-form", "token-prev-form", "form-only"),
      clean,
    )
    .map(([entries, m, shape, token]) => {
      const form = new FormData();
      for (const [k, v] of [...entries, m]) form.append(k, v);
      if (shape === "form-only") return [form];
      if (shape === "prev-form") return [null, form];
      return [token, null, form];
    });
}

/** Path segments that break naive decoding: invalid percent escapes, encoded surrogates, NUL, huge, traversal. */
export const HOSTILE_SEGMENTS = [
  "%",
  "%zz",
  "%ED%A0%80",
  "%ED%BF%BF",
  "%C0%AF",
  "%FF",
  "%00",
  "%0D%0Aset-cookie:x=1",
  "..%2F..%2Fetc%2Fpasswd",
  "%F0%9F%98%80",
  "a".repeat(3000),
  "%25%",
  "%E2%80%AE",
  "x%2Fy",
];

/** Random bytes percent-encoded, so most are invalid UTF-8. */
export const randomEncodedSegment = fc
  .uint8Array({ minLength: 1, maxLength: 24 })
  .map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, "0").toUpperCase()}`).join(""));
