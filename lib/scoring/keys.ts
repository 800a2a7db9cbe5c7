// Map keys for pairs and triples of ids. Length-prefixed, so distinct tuples always give distinct keys (like
// JSON.stringify([a, b]), which these replace: that was a tenth of a 12 × 20 × 8 evaluation, run per score).
export const pairKey = (a: string, b: string): string => `${a.length}:${a}${b}`;
export const tripleKey = (a: string, b: string, c: string): string => `${a.length}:${a}${b.length}:${b}${c}`;
