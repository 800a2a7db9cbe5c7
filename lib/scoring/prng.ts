// Seeded PRNG shared by server, browser and Web Worker. Only 32-bit integer arithmetic is used, so the stream is
// bit-identical in every JavaScript engine (Math.random is neither seedable nor reproducible).

const TWO_POW_32 = 4294967296;

/** splitmix32: spreads a small or poorly mixed seed over 32 bits; used only to initialise sfc32's state. */
export function splitmix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): passes PractRand, period ≥ 2^32, very cheap in JS. */
export class Sfc32 {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const mix = splitmix32(seed);
    this.a = mix() | 0;
    this.b = mix() | 0;
    this.c = mix() | 0;
    this.d = mix() | 0;
    // The first outputs of a freshly seeded sfc32 are weakly mixed; the reference implementation discards 12.
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  nextU32(): number {
    const t0 = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    const t = (t0 + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform on [0, 1) with 32-bit resolution — ample for perturbing scores. */
  uniform(): number {
    return this.nextU32() / TWO_POW_32;
  }

  /** Uniform on the open interval (0, 1): safe to take the logarithm of. */
  uniformOpen(): number {
    return (this.nextU32() + 0.5) / TWO_POW_32;
  }

  /** Copies the four state words out, so a hot loop can run the generator step on locals (see monte-carlo.ts). */
  saveState(out: Int32Array): void {
    out[0] = this.a;
    out[1] = this.b;
    out[2] = this.c;
    out[3] = this.d;
  }

  restoreState(state: Int32Array): void {
    this.a = state[0];
    this.b = state[1];
    this.c = state[2];
    this.d = state[3];
  }

  /** Uniform integer in [0, n) for small n (tie shuffles); the modulo bias is below 2^-24 for n < 256. */
  below(n: number): number {
    return Math.floor(this.uniform() * n);
  }
}

/** Normalises any user-supplied seed to an unsigned 32-bit integer so equal seeds mean equal streams. */
export function normaliseSeed(seed: number): number {
  if (!Number.isFinite(seed)) return 0;
  return Math.trunc(seed) >>> 0;
}
