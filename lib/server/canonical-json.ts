// One text per value, whatever order its object keys were built in: the input of a content-addressed cache key
// (lib/server/evaluation-cache.ts). Arrays keep their order (it is data: ranks, positions); object keys are sorted;
// undefined members are left out as JSON.stringify does; Dates become ISO strings through toJSON.
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    // Non-finite numbers have no JSON form: written bare (NaN, Infinity, -Infinity), which no JSON value produces,
    // so they differ from null and from any string. The text is only hashed, never parsed.
    if (typeof value === "number" && !Number.isFinite(value)) return String(value);
    return JSON.stringify(value) ?? "null";
  }
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === "function") return canonicalJson(withJson.toJSON());
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  if (value instanceof Uint8Array) return `{"#bytes":${JSON.stringify(Buffer.from(value).toString("base64"))}}`;
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(",")}}`;
}

/**
 * JSON that brings back what the evaluation engine returns, non-finite numbers included (a sensitivity interval may
 * be open-ended): the stored form of a cached result. A non-finite number is stored as {"#num": "Infinity"} (or
 * "-Infinity", "NaN"); the engine's output has no object of that shape of its own.
 */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    typeof v === "number" && !Number.isFinite(v) ? { "#num": String(v) } : v,
  );
}

const NON_FINITE: readonly string[] = ["Infinity", "-Infinity", "NaN"];

export function decodeJson<T>(text: string): T {
  return JSON.parse(text, (_k, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const spelled = (v as { "#num"?: unknown })["#num"];
      if (keys.length === 1 && typeof spelled === "string" && NON_FINITE.includes(spelled)) return Number(spelled);
    }
    return v;
  }) as T;
}
