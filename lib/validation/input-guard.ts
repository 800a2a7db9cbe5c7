// Checks every action input once, before any schema runs, for what no field schema should have to think about:
// strings SQLite/Prisma cannot store faithfully (a lone UTF-16 surrogate makes the query engine fail with
// "unexpected end of hex escape", a 500), invisible C0 control characters, and input nested or sized far beyond any
// form. Pure, so it is tested directly.

/** Deeper than any form or editor sends (the deepest real input is a paste: object → array → cell → value). */
export const MAX_INPUT_DEPTH = 32;
/** Values (objects, arrays, strings, numbers…) in one input; a 2,000-cell paste is about 10,000. */
export const MAX_INPUT_NODES = 50_000;
/** Characters over all strings of one input. */
export const MAX_INPUT_CHARS = 2_000_000;

export type InputProblemKey = "textInvalid" | "inputTooDeep" | "inputTooLarge";
export interface InputProblem {
  /** The top-level field it is in ("form" when the input itself is the problem). */
  field: string;
  key: InputProblemKey;
}

// C0 controls except tab, line feed and carriage return; a high surrogate not followed by a low one; a low surrogate
// not preceded by a high one.
const BAD_TEXT =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function badText(s: string): boolean {
  return BAD_TEXT.test(s);
}

/** The first problem found, or null. Iterative, so a hostile depth cannot overflow the stack before it is refused. */
export function inputProblem(input: unknown): InputProblem | null {
  const stack: { value: unknown; depth: number; field: string }[] = [{ value: input, depth: 0, field: "form" }];
  let nodes = 0;
  let chars = 0;
  while (stack.length > 0) {
    const { value, depth, field } = stack.pop()!;
    nodes += 1;
    if (nodes > MAX_INPUT_NODES) return { field: "form", key: "inputTooLarge" };
    if (typeof value === "string") {
      chars += value.length;
      if (chars > MAX_INPUT_CHARS) return { field: "form", key: "inputTooLarge" };
      if (badText(value)) return { field, key: "textInvalid" };
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (depth >= MAX_INPUT_DEPTH) return { field: "form", key: "inputTooDeep" };
    if (Array.isArray(value) && nodes + value.length > MAX_INPUT_NODES) return { field: "form", key: "inputTooLarge" };
    // Only plain data is walked: a File (import upload) or a Date carries no text to check here.
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [String(i), v])
      : Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null
        ? Object.entries(value)
        : [];
    for (const [key, child] of entries) {
      const childField = depth === 0 && !Array.isArray(value) ? key : field;
      if (!Array.isArray(value)) {
        chars += key.length;
        if (badText(key)) return { field: childField, key: "textInvalid" };
      }
      stack.push({ value: child, depth: depth + 1, field: childField });
    }
  }
  return null;
}
