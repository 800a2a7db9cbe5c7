// One injectable clock for everything time-dependent in authentication (session expiry, throttling, invitations), so
// tests can move time forward instead of sleeping.
export type Clock = () => Date;

let clock: Clock = () => new Date();

export function now(): Date {
  return clock();
}

/** Tests only: replace the clock; returns a function that restores the previous one. */
export function setClock(next: Clock): () => void {
  const previous = clock;
  clock = next;
  return () => {
    clock = previous;
  };
}
