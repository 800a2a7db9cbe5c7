// Saves that fail in transit (server busy, connection dropped) are retried a couple of times before the person is
// told, so a momentary hiccup never turns into a lost keystroke. Refusals (validation, conflicts) are results, not
// exceptions, and are never retried here.
const DELAYS_MS = [700, 2000];

export async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (attempt >= DELAYS_MS.length) throw e;
      await new Promise((r) => setTimeout(r, DELAYS_MS[attempt]));
    }
  }
}
